using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Communities;
using ChainGraph.Model;

namespace ChainGraph.Analysis.Tests;

public sealed class CentralityScopeTests
{
    /// <summary>A battery chain template, and a caterer's dishes fed by more inputs than any battery part.</summary>
    static Model.Snapshot.GraphSnapshot BatteriesAndDishes()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain).Node("lib:cell", NodeLabel.Segment, "midstream", 1)
            .Edge(RelType.PartOf, "lib:cell", "lib")
            .Products("正极材料", "动力电池", "豆芽", "猪肉", "酱油", "红豆芽炒肉丝")
            .Edge(RelType.InSegment, "动力电池", "lib:cell")
            .Inputs("正极材料", "动力电池").Inputs("豆芽", "红豆芽炒肉丝").Inputs("猪肉", "红豆芽炒肉丝").Inputs("酱油", "红豆芽炒肉丝");
        graph.Enterprise("catl").Makes("catl", "动力电池");
        graph.Enterprise("caterer").Makes("caterer", "红豆芽炒肉丝");
        return graph.Build();
    }

    [Fact]
    public void Rankings_ByDefault_ListTheStrategicIndustriesOnly_AndAllOnRequest()
    {
        var snapshot = BatteriesAndDishes();

        var strategic = CentralityAnalysis.Run(snapshot, top: 10, samples: 10, label: NodeLabel.Product);
        var all = CentralityAnalysis.Run(snapshot, top: 10, samples: 10, label: NodeLabel.Product, scope: ChokepointScope.All);

        Assert.DoesNotContain(strategic.PageRank, r => r.Id == "红豆芽炒肉丝");
        Assert.Contains(strategic.PageRank, r => r.Id == "动力电池");
        Assert.Equal("红豆芽炒肉丝", all.PageRank[0].Id);
        Assert.Equal(("strategic", "all"), (strategic.Scope, all.Scope));
    }

    [Fact]
    public void Rankings_WithTags_ListOnlyTaggedEnterprisesAndTheProductsTheyMake()
    {
        var graph = new TestGraph().Inputs("正极材料", "动力电池").Inputs("隔膜", "动力电池")
            .Enterprise("catl", "福建省", "宁德市", "CN", "链主").Makes("catl", "动力电池")
            .Enterprise("semcorp").Makes("semcorp", "隔膜").Enterprise("cathode").Makes("cathode", "正极材料");

        var tagged = CentralityAnalysis.Run(graph.Build(), top: 10, samples: 10, scope: ChokepointScope.All, tags: TagSet.Parse("链主"));

        Assert.Equal(["catl", "动力电池"], tagged.PageRank.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["catl", "动力电池"], tagged.Betweenness.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Communities_ByDefault_HoldTheStrategicIndustriesOnly_AndAllOnRequest()
    {
        var snapshot = BatteriesAndDishes();

        var strategic = CommunityAnalysis.Run(snapshot);
        var all = CommunityAnalysis.Run(snapshot, scope: ChokepointScope.All);

        Assert.DoesNotContain("红豆芽炒肉丝", strategic.Membership.Keys);
        Assert.Contains("动力电池", strategic.Membership.Keys);
        Assert.Contains("红豆芽炒肉丝", all.Membership.Keys);
        Assert.Equal(("strategic", "all"), (strategic.Scope, all.Scope));
    }
}
