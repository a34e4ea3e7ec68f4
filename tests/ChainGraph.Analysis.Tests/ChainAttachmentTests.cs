using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Chains;

namespace ChainGraph.Analysis.Tests;

public sealed class ChainAttachmentTests
{
    /// <summary>An anode segment whose template names 人造石墨; the data names anode products otherwise.</summary>
    static TestGraph Anode(SegmentMatch match)
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain).Node("lib:anode", NodeLabel.Segment, "upstream", 1, match: match.ToJson())
            .Products("人造石墨").Edge(RelType.PartOf, "lib:anode", "lib").Edge(RelType.InSegment, "人造石墨", "lib:anode");
        foreach (var (maker, product) in new[] { ("curated", "人造石墨"), ("named", "锂离子电池负极材料"), ("electrode", "石墨电极"), ("tab", "负极耳") })
            graph.Enterprise(maker).Makes(maker, product);
        return graph;
    }

    static ChainSegment Resolve(TestGraph graph) => ChainSegments.Resolve(graph.Build(), "lib").Segments.Single();

    static Dictionary<string, string> RuleByMaker(TestGraph graph)
    {
        var snapshot = graph.Build();
        var segment = ChainSegments.Resolve(snapshot, "lib").Segments.Single();
        return segment.Makers.Select((m, i) => (snapshot.Ids[m], segment.MakerRules![i])).ToDictionary();
    }

    [Fact]
    public void Keyword_AttachesMakersOfProductsNamedOtherwise_AndSaysWhichKeyword()
    {
        var rules = RuleByMaker(Anode(new SegmentMatch(Keywords: ["负极", "石墨"], Exclude: ["电极", "负极耳"])));

        Assert.Equal(new Dictionary<string, string> { ["curated"] = "template", ["named"] = "keyword:负极" }, rules);
    }

    [Fact]
    public void Exclusion_KeepsOutProductsThatHoldAKeywordButAreSomethingElse()
    {
        var without = RuleByMaker(Anode(new SegmentMatch(Keywords: ["负极", "石墨"])));
        var with = RuleByMaker(Anode(new SegmentMatch(Keywords: ["负极", "石墨"], Exclude: ["电极", "负极耳"])));

        Assert.Contains("electrode", without.Keys);
        Assert.Contains("tab", without.Keys);
        Assert.DoesNotContain("electrode", with.Keys);
        Assert.DoesNotContain("tab", with.Keys);
    }

    [Fact]
    public void Pattern_MatchesTheWholeNameWhenAnchored()
    {
        var rules = RuleByMaker(Anode(new SegmentMatch(Patterns: ["^锂离子电池.+材料$"])));

        Assert.Equal("pattern:^锂离子电池.+材料$", rules["named"]);
        Assert.DoesNotContain("electrode", rules.Keys);
    }

    [Fact]
    public void SubtypesOfTheSegmentsProducts_AreAttached_UnlessExcluded()
    {
        var graph = Anode(new SegmentMatch(Exclude: ["回收"])).Products("高端人造石墨", "人造石墨回收料")
            .Edge(RelType.SubtypeOf, "高端人造石墨", "人造石墨").Edge(RelType.SubtypeOf, "人造石墨回收料", "人造石墨")
            .Enterprise("fine").Makes("fine", "高端人造石墨").Enterprise("recycler").Makes("recycler", "人造石墨回收料");

        var rules = RuleByMaker(graph);

        Assert.Equal("subtype:人造石墨", rules["fine"]);
        Assert.DoesNotContain("recycler", rules.Keys);
    }

    [Fact]
    public void IndustryRule_AttachesTheMembersOfTheIndustryAndOfItsSubIndustries()
    {
        var graph = Anode(new SegmentMatch(Industries: ["630702"])).Node("SW630702", NodeLabel.Industry).Node("SW630702x", NodeLabel.Industry)
            .Edge(RelType.Parent, "SW630702x", "SW630702").Enterprise("member").Edge(RelType.InIndustry, "member", "SW630702x")
            .Edge(RelType.InIndustry, "curated", "SW630702");

        var rules = RuleByMaker(graph);

        Assert.Equal("industry:SW630702", rules["member"]);
        Assert.Equal("template", rules["curated"]);
    }

    [Fact]
    public void ProductNobodyMakes_IsNotAttachedByItsName()
    {
        var snapshot = Anode(new SegmentMatch(Keywords: ["负极"])).Products("硅碳负极").Build();

        var segment = ChainSegments.Resolve(snapshot, "lib").Segments.Single();

        Assert.DoesNotContain(snapshot.Of("硅碳负极"), segment.Products);
        Assert.Contains(snapshot.Of("锂离子电池负极材料"), segment.Products);
    }

    [Fact]
    public void SegmentWithoutRules_HoldsItsTemplateProductsOnly()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain).Node("lib:anode", NodeLabel.Segment, "upstream", 1)
            .Edge(RelType.PartOf, "lib:anode", "lib").Edge(RelType.InSegment, "人造石墨", "lib:anode").Enterprise("a").Makes("a", "人造石墨")
            .Enterprise("b").Makes("b", "负极材料");

        var segment = Resolve(graph);

        Assert.Equal(["template"], segment.MakerRules!);
    }

    [Fact]
    public void Coverage_CountsEachMakerOnceUnderItsStrongestRule()
    {
        var graph = Anode(new SegmentMatch(Keywords: ["负极"], Industries: ["SW1"], Exclude: ["负极耳"])).Node("SW1", NodeLabel.Industry)
            .Edge(RelType.InIndustry, "named", "SW1").Enterprise("member").Edge(RelType.InIndustry, "member", "SW1");
        var snapshot = graph.Build();

        var report = ChainCoverage.Run(snapshot, ChainSegments.Resolve(snapshot, "lib"));

        var anode = report.Segments.Single();
        Assert.Equal((1, 3), (report.Covered, anode.Makers));
        Assert.Equal((1, 0, 1, 0, 1), (anode.ByKind["template"], anode.ByKind["subtype"], anode.ByKind["keyword"], anode.ByKind["pattern"], anode.ByKind["industry"]));
        Assert.Equal(new RuleCoverage("keyword:负极", 1, 1), anode.Rules.Single(r => r.Rule == "keyword:负极"));
        Assert.Equal(["curated", "named", "member"], anode.Attached.Select(a => a.Id));
    }

    [Fact]
    public void MalformedRulesInAStore_LeaveTheSegmentWithItsOwnProducts()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain).Node("lib:anode", NodeLabel.Segment, "upstream", 1, match: "{not json")
            .Edge(RelType.PartOf, "lib:anode", "lib").Edge(RelType.InSegment, "人造石墨", "lib:anode").Enterprise("a").Makes("a", "人造石墨");

        Assert.Single(Resolve(graph).Makers);
    }
}
