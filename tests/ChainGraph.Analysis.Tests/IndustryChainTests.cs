using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Chains;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class IndustryChainTests
{
    /// <summary>
    /// SW630700 电池 (level 2) with children SW630701 锂电池 and SW630702 电池化学品. Upstream of
    /// 锂电池: SW220202 氯碱 (weight 5), SW240301 铝 (weight 1, noise) and SW340501 白酒Ⅲ under
    /// SW340000 食品饮料 (weight 4, not industry).
    /// </summary>
    static TestGraph Batteries()
    {
        var graph = new TestGraph();
        foreach (var id in new[] { "SW630700", "SW630701", "SW630702", "SW220202", "SW240301", "SW340501", "SW340000" }) graph.Node(id, NodeLabel.Industry);
        return graph.Edge(RelType.Parent, "SW630701", "SW630700").Edge(RelType.Parent, "SW630702", "SW630700").Edge(RelType.Parent, "SW340501", "SW340000")
            .Edge(RelType.UpstreamOf, "SW220202", "SW630701", 5).Edge(RelType.UpstreamOf, "SW240301", "SW630701", 1).Edge(RelType.UpstreamOf, "SW340501", "SW630701", 4)
            .Enterprise("catl").Edge(RelType.InIndustry, "catl", "SW630701").Enterprise("tinci").Edge(RelType.InIndustry, "tinci", "SW630702");
    }

    [Fact]
    public void DerivedChain_UsesOnlyLinksOfEnoughWeight_AndSaysHowMany()
    {
        var chain = ChainSegments.Resolve(Batteries().Build(), "SW630701");

        Assert.Equal([("SW220202", "upstream"), ("SW630701", "midstream")], chain.Segments.Select(s => (s.Id, s.Stage)));
        Assert.Equal(new DerivedChain(Links: 1, Considered: 3, MinWeight: 3, BelowThreshold: 1, NonIndustrial: 1, IncludeServices: false), chain.Derived);
        Assert.Contains("1 of 3 UPSTREAM_OF links", chain.Derived!.Why.In(Language.En));
    }

    [Fact]
    public void NonIndustrialUpstream_IsLeftOutUnlessAsked()
    {
        var chain = ChainSegments.Resolve(Batteries().Build(), "SW630701", new ChainOptions { IncludeServices = true });

        Assert.Equal(["SW220202", "SW340501", "SW630701"], chain.Segments.Select(s => s.Id));
    }

    [Fact]
    public void LevelTwoIndustry_BecomesItsLevelThreeChildren()
    {
        var chain = ChainSegments.Resolve(Batteries().Build(), "SW630700");

        Assert.Equal([("SW220202", "upstream", 0), ("SW630701", "midstream", 1), ("SW630702", "midstream", 1)],
            chain.Segments.Select(s => (s.Id, s.Stage, s.Makers.Length)));
        Assert.Equal("industry:SW630701", chain.Segments[1].MakerRules!.Single());
    }

    [Fact]
    public void IndustryCoveredByATemplate_GivesTheTemplate_AndItsSubIndustriesToo()
    {
        var graph = Batteries().Node("lithium-battery", NodeLabel.Chain, match: new SegmentMatch(Industries: ["630700"]).ToJson(), sector: "新能源")
            .Node("lithium-battery:cells", NodeLabel.Segment, "midstream", 3).Edge(RelType.PartOf, "lithium-battery:cells", "lithium-battery");
        var snapshot = graph.Build();

        var chain = ChainSegments.Resolve(snapshot, "SW630701");

        Assert.Equal(("lithium-battery", "新能源", null), (chain.Id, chain.Sector, chain.Derived));
        Assert.Equal("SW220202", ChainSegments.Resolve(snapshot, "SW220202").Segments[^1].Id);
    }

    [Fact]
    public void ThresholdBelowOne_IsRefused()
    {
        var check = new ChainOptions { MinUpstreamWeight = 0 }.Check(new());

        Assert.Throws<Model.Requests.InvalidRequestException>(check.ThrowIfInvalid);
    }
}
