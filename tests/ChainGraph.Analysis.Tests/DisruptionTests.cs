using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;

namespace ChainGraph.Analysis.Tests;

public sealed class DisruptionTests
{
    /// <summary>锂矿 → 碳酸锂 → 正极 → 电池; 电解液 → 电池; 碳酸锂 has one maker, 正极 two, 电解液 one in another province.</summary>
    static TestGraph Battery() => new TestGraph()
        .Inputs("锂矿", "碳酸锂", "正极", "电池").Inputs("电解液", "电池")
        .Enterprise("ganfeng", "江西省", "新余市").Enterprise("cathode1").Enterprise("cathode2", "湖南省", "长沙市")
        .Enterprise("tinci", "广东省", "广州市").Enterprise("catl", "福建省", "宁德市")
        .Makes("ganfeng", "碳酸锂").Makes("cathode1", "正极").Makes("cathode2", "正极").Makes("tinci", "电解液").Makes("catl", "电池")
        .Edge(RelType.Supplies, "ganfeng", "cathode2");

    static (string[] Lost, string[] Affected) Run(TestGraph graph, string[] remove, string? region = null)
    {
        var snapshot = graph.Build();
        var report = DisruptionAnalysis.Run(snapshot, remove.Select(snapshot.Of).ToList(), region is null ? null : RegionFilter.Parse(region));
        return (report.LostProducts.Select(v => snapshot.Ids[v]).Order(StringComparer.Ordinal).ToArray(),
            report.AffectedEnterprises.Select(v => snapshot.Ids[v]).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void RemovingTheOnlyMaker_LosesItsProductAndEverythingDownstream()
    {
        var (lost, affected) = Run(Battery(), ["ganfeng"]);

        Assert.Equal(["正极", "电池", "碳酸锂"], lost);
        Assert.Equal(["cathode1", "cathode2", "catl"], affected);
    }

    [Fact]
    public void RemovingOneOfTwoMakers_LosesNothing()
    {
        var (lost, affected) = Run(Battery(), ["cathode1"]);

        Assert.Empty(lost);
        Assert.Empty(affected);
    }

    [Fact]
    public void RemovingAProduct_LosesItsDownstreamOnly()
    {
        var (lost, _) = Run(Battery(), ["电解液"]);

        Assert.Equal(["电池", "电解液"], lost);
    }

    [Fact]
    public void RemovingARegion_RemovesEveryEnterpriseInIt()
    {
        var (lost, _) = Run(Battery(), [], "广东");

        Assert.Equal(["电池", "电解液"], lost);
    }

    [Fact]
    public void SubstituteInputs_LoseTheProductOnlyWhenTheWholeGroupIsLost()
    {
        var graph = new TestGraph().Products("三元正极", "磷酸铁锂", "电池").Enterprise("ncm").Enterprise("lfp")
            .Makes("ncm", "三元正极").Makes("lfp", "磷酸铁锂")
            .Edge(RelType.InputTo, "三元正极", "电池", 1).Edge(RelType.InputTo, "磷酸铁锂", "电池", 1);

        Assert.Equal(["三元正极"], Run(graph, ["ncm"]).Lost);
        Assert.Equal(["三元正极", "电池", "磷酸铁锂"], Run(graph, ["ncm", "lfp"]).Lost);
    }

    [Fact]
    public void SegmentLoss_IsTheShareOfTheSegmentsProductsLost()
    {
        var graph = Battery().Node("lib", NodeLabel.Chain).Node("up", NodeLabel.Segment, "upstream", 1).Node("down", NodeLabel.Segment, "downstream", 2)
            .Edge(RelType.PartOf, "up", "lib").Edge(RelType.PartOf, "down", "lib")
            .Edge(RelType.InSegment, "碳酸锂", "up").Edge(RelType.InSegment, "电解液", "up").Edge(RelType.InSegment, "电池", "down");
        var snapshot = graph.Build();

        var report = DisruptionAnalysis.Run(snapshot, [snapshot.Of("ganfeng")], chains: [ChainSegments.Resolve(snapshot, "lib")]);

        Assert.Equal([("up", 0.5), ("down", 1.0)], report.Segments.Select(s => (s.SegmentId, s.Share)));
    }
}
