using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Testing;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class CarrierTests
{
    /// <summary>
    /// A chain 材料 → 辅料 → 制造: 光刻胶 (材料, only maker jsr in Japan) and 胶粘剂 (辅料, only maker in 浙江) go into 芯片
    /// (制造, made in 常州 and 上海); 硅片 (材料) has three makers in three provinces. ic1 in 上海 SUPPORTS 光刻胶, ic2 in 广东
    /// SUPPORTS the segment 材料, ic3 in 北京 PARTNERS jsr; nothing supports 胶粘剂.
    /// </summary>
    static TestGraph Chips() => new TestGraph().Products("光刻胶", "胶粘剂", "硅片", "芯片").Inputs("光刻胶", "芯片").Inputs("胶粘剂", "芯片").Inputs("硅片", "芯片")
        .Node("c", NodeLabel.Chain)
        .Node("材料", NodeLabel.Segment, "upstream", 1).Node("辅料", NodeLabel.Segment, "upstream", 2).Node("制造", NodeLabel.Segment, "midstream", 3)
        .Edge(RelType.PartOf, "材料", "c").Edge(RelType.PartOf, "辅料", "c").Edge(RelType.PartOf, "制造", "c")
        .Edge(RelType.Feeds, "材料", "制造").Edge(RelType.Feeds, "辅料", "制造")
        .Edge(RelType.InSegment, "光刻胶", "材料").Edge(RelType.InSegment, "硅片", "材料").Edge(RelType.InSegment, "胶粘剂", "辅料").Edge(RelType.InSegment, "芯片", "制造")
        .Enterprise("jsr", null, null, "JP").Enterprise("glue", "浙江省", "杭州市")
        .Enterprise("a", "上海市", "上海市").Enterprise("b", "广东省", "深圳市").Enterprise("d", "浙江省", "宁波市")
        .Enterprise("fab").Enterprise("fab2", "上海市", "上海市")
        .Makes("jsr", "光刻胶").Makes("glue", "胶粘剂").Makes("a", "硅片").Makes("b", "硅片").Makes("d", "硅片").Makes("fab", "芯片").Makes("fab2", "芯片")
        .Node("ic1", NodeLabel.InnovationCentre, province: "上海市", city: "上海市").Node("ic2", NodeLabel.InnovationCentre, province: "广东省", city: "深圳市")
        .Node("ic3", NodeLabel.InnovationCentre, province: "北京市", city: "北京市")
        .Edge(RelType.Supports, "ic1", "光刻胶").Edge(RelType.Supports, "ic2", "材料").Edge(RelType.Partners, "ic3", "jsr");

    static CarrierReport Run(string? region = null)
    {
        var snapshot = Chips().Build();
        return CarrierAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, "c"), region is null ? null : RegionFilter.Parse(region));
    }

    [Fact]
    public void ACarrier_SupportsTheProduct_ItsSegment_OrPartnersAMaker_ClosestFirst()
    {
        var photoresist = Run().Chokepoints.Single(c => c.Id == "光刻胶");

        Assert.Equal([("ic1", 1.0, "支撑该产品"), ("ic2", 0.7, "支撑所在环节材料"), ("ic3", 0.5, "与生产企业jsr合作")],
            photoresist.Carriers.Select(c => (c.Id, c.Score, c.Ways.Single().In(Language.Zh))));
    }

    [Fact]
    public void OnlyFlaggedChokepointsCount_AndThoseNoCarrierAddressesAreListed()
    {
        var report = Run();

        Assert.Equal(["光刻胶", "胶粘剂"], report.Chokepoints.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["胶粘剂"], report.Unaddressed);
        Assert.Equal(3, report.Centres);
        Assert.Equal("2 个卡脖子产品中，1 个没有任何创新载体支撑", report.Note.In(Language.Zh));
    }

    [Fact]
    public void PerProvince_TheChokepointsItsEnterprisesMakeOrNeed_WithoutALocalCarrier_MostUnaddressedFirst()
    {
        var regions = Run().Regions;

        Assert.Equal(["江苏省", "上海市", "浙江省"], regions.Select(r => r.Region));
        var jiangsu = regions[0];
        Assert.Equal((2, 0), (jiangsu.Relevant, jiangsu.Addressed.Count));
        Assert.Equal(3, jiangsu.Unaddressed.Single(u => u.Id == "光刻胶").CarriersElsewhere);
        var shanghai = regions[1];
        Assert.Equal(["ic1"], shanghai.Addressed.Single().LocalCarriers);
        Assert.Equal(["胶粘剂"], shanghai.Unaddressed.Select(u => u.Id));
        Assert.Equal(["胶粘剂"], regions[2].Unaddressed.Select(u => u.Id));
    }

    [Fact]
    public void ForARegionAsked_OnlyThatRegionIsAnswered()
    {
        var report = Run("上海");

        var shanghai = Assert.Single(report.Regions);
        Assert.Equal(("上海市", 2), (shanghai.Region, shanghai.Relevant));
        Assert.Equal("上海市", report.Region);
    }

    [Fact]
    public void Demo_TheForeignOnlyChip_HasTheChipCentres_AndHighPurityQuartzHasNone()
    {
        var report = CarrierAnalysis.Run(DemoSnapshot.Instance);

        var mcu = report.Chokepoints.Single(c => c.Id == "车规级MCU");
        Assert.Contains(mcu.Carriers, c => c.Name == "国家集成电路创新中心");
        Assert.All(mcu.Carriers, c => Assert.Contains("车规芯片与传感器", c.Ways[0].In(Language.Zh), StringComparison.Ordinal));
        Assert.Contains("高纯石英砂", report.Unaddressed);
        Assert.All(report.Regions, r => Assert.Equal(r.Relevant, r.Addressed.Count + r.Unaddressed.Count));
    }

    [ChainKgFact]
    public void RealData_HasNoInnovationCentres_SoEveryChokepointIsUnaddressed_AndTheAnswerSaysSo()
    {
        var report = CarrierAnalysis.Run(ChainKgSnapshot.Instance);

        Assert.Equal(0, report.Centres);
        Assert.StartsWith("数据中没有创新载体", report.Note.In(Language.Zh), StringComparison.Ordinal);
        Assert.NotEmpty(report.Chokepoints);
        Assert.Equal(report.Chokepoints.Count, report.Unaddressed.Count);
        Assert.All(report.Regions, r => Assert.Empty(r.Addressed));
    }
}
