using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class RegionFilterTests
{
    /// <summary>
    /// 常州市 with 溧阳市 (CN-320481) and 武进区 (CN-320412) below it: liyang is LOCATED_IN 溧阳, wujin in
    /// 武进, city-only is placed in 常州 without a county; cluster 常州动力电池 holds liyang and wuxi.
    /// </summary>
    static TestGraph Places()
    {
        var graph = new TestGraph()
            .Node("CN-320000", NodeLabel.Region).Node("CN-320400", NodeLabel.Region).Node("CN-320481", NodeLabel.Region).Node("CN-320412", NodeLabel.Region)
            .Edge(RelType.LocatedIn, "CN-320400", "CN-320000").Edge(RelType.LocatedIn, "CN-320481", "CN-320400").Edge(RelType.LocatedIn, "CN-320412", "CN-320400")
            .Enterprise("liyang").Edge(RelType.LocatedIn, "liyang", "CN-320481")
            .Enterprise("wujin").Edge(RelType.LocatedIn, "wujin", "CN-320412")
            .Enterprise("city-only").Edge(RelType.LocatedIn, "city-only", "CN-320400")
            .Enterprise("wuxi", "江苏省", "无锡市")
            .Node("cluster:cz-battery", NodeLabel.Cluster).Edge(RelType.MemberOf, "liyang", "cluster:cz-battery").Edge(RelType.MemberOf, "wuxi", "cluster:cz-battery")
            .Edge(RelType.LocatedIn, "cluster:cz-battery", "CN-320400")
            .Node("centre", NodeLabel.InnovationCentre, province: "江苏省", city: "常州市").Edge(RelType.LocatedIn, "centre", "CN-320400");
        return graph;
    }

    [Fact]
    public void County_HoldsWhatIsLocatedInIt_AndKnowsSameCityNodesWithoutACountyMayBeInside()
    {
        var snapshot = Places().Build();
        var liyang = RegionFilter.Parse("溧阳");

        Assert.Equal((RegionKind.County, "常州市溧阳市", "320481", "常州市"), (liyang.Kind, liyang.Name, liyang.Code, liyang.City));
        Assert.True(liyang.Contains(snapshot, snapshot.Of("liyang")));
        Assert.False(liyang.Contains(snapshot, snapshot.Of("wujin")));
        Assert.True(liyang.IsKnownOutside(snapshot, snapshot.Of("wujin")));
        Assert.False(liyang.IsKnownOutside(snapshot, snapshot.Of("city-only")));
        Assert.True(liyang.IsKnownOutside(snapshot, snapshot.Of("wuxi")));
        Assert.True(liyang.IsNear(snapshot, snapshot.Of("city-only")));
    }

    [Fact]
    public void City_StillHoldsItsCountiesEnterprises()
    {
        var snapshot = Places().Build();
        var changzhou = RegionFilter.Parse("常州市");

        Assert.Equal(["city-only", "liyang", "wujin"], Enterprises(snapshot, changzhou));
    }

    [Fact]
    public void Cluster_HoldsItsMembersAndTheCentresOfItsCities()
    {
        var snapshot = Places().Build();
        var byId = RegionFilter.Resolve(snapshot, "cluster:cz-battery");

        Assert.Equal(RegionKind.Cluster, byId.Kind);
        Assert.Equal(["liyang", "wuxi"], Enterprises(snapshot, byId));
        Assert.True(byId.Contains(snapshot, snapshot.Of("centre")));
        Assert.True(byId.IsKnownOutside(snapshot, snapshot.Of("wujin")));
        Assert.True(byId.IsNear(snapshot, snapshot.Of("wujin")));
    }

    [Fact]
    public void AmbiguousName_IsRefusedWithEveryChoice()
    {
        var error = Assert.Throws<InvalidRequestException>(() => RegionFilter.Parse("鼓楼"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("region", "鼓楼"), (only.Field, only.Value));
        Assert.Equal("'鼓楼' names 4 regions: 鼓楼区 in 南京市 (320106), 鼓楼区 in 徐州市 (320302), 鼓楼区 in 福州市 (350102), 鼓楼区 in 开封市 (410204). " +
            "Give the code, or the city or province before the name (南京鼓楼).", only.Message);
        Assert.Equal("「鼓楼」对应 4 个地区：南京市鼓楼区（320106），徐州市鼓楼区（320302），福州市鼓楼区（350102），开封市鼓楼区（410204）。" +
            "请给出区划代码，或在名称前加上所属城市或省份（如 南京鼓楼）。", only.Why.In(Language.Zh));
        Assert.Equal("320106", RegionFilter.Parse("南京鼓楼").Code);
    }

    [Fact]
    public void Gaps_OfACounty_CountOnlyItsMakersAndListSameCityMakersOfUnknownCountyLast()
    {
        var graph = Places().Node("c", NodeLabel.Chain).Node("c:cell", NodeLabel.Segment, "midstream", 1).Edge(RelType.PartOf, "c:cell", "c")
            .Products("电芯").Edge(RelType.InSegment, "电芯", "c:cell")
            .Makes("liyang", "电芯").Makes("wujin", "电芯").Makes("city-only", "电芯").Makes("wuxi", "电芯");
        var snapshot = graph.Build();

        var cell = ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, "c"), RegionFilter.Parse("溧阳市")).Segments.Single();

        Assert.Equal((GapStatus.Weak, 1, 4), (cell.Status, cell.Local, cell.National));
        Assert.Equal(["liyang"], cell.LocalMakers);
        Assert.Equal("city-only", cell.Candidates[^1].Id);
        Assert.True(cell.Candidates[^1].PlaceUnknown);
        Assert.EndsWith("county not known (in 常州市): may already be local", cell.Candidates[^1].Why.In(Language.En));
    }

    [Fact]
    public void SeveralRegionsWhereOneIsTaken_PointToCompare()
    {
        var error = Assert.Throws<InvalidRequestException>(() => RegionFilter.Parse("江苏,浙江"));

        Assert.Contains("analyze compare --regions", Assert.Single(error.Errors).Message);
    }

    static string[] Enterprises(Model.Snapshot.GraphSnapshot snapshot, RegionFilter region) =>
        [.. Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise && region.Contains(snapshot, v)).Select(v => snapshot.Ids[v]).Order()];
}
