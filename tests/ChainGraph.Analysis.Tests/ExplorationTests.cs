using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;

namespace ChainGraph.Analysis.Tests;

public sealed class PathTests
{
    /// <summary>a → b → d, a → c → d, a → e → f → d: two shortest paths of 2 steps and one of 3.</summary>
    static TestGraph Diamond() => new TestGraph().Inputs("a", "b", "d").Inputs("a", "c", "d").Inputs("a", "e", "f", "d");

    static string Ids(Model.Snapshot.GraphSnapshot snapshot, GraphPath path) => string.Join(">", path.Nodes.Select(v => snapshot.Ids[v]));

    [Fact]
    public void Shortest_FindsTheFewestSteps()
    {
        var snapshot = Diamond().Build();

        var path = PathFinder.Shortest(snapshot, snapshot.Of("a"), snapshot.Of("d"), Traversal.Supply with { Walk = Walk.Forward })!;

        Assert.Equal("a>b>d", Ids(snapshot, path));
        Assert.Equal([(RelType.InputTo, true), (RelType.InputTo, true)], path.Steps);
    }

    [Fact]
    public void Shortest_RespectsTheDirection()
    {
        var snapshot = Diamond().Build();

        Assert.Null(PathFinder.Shortest(snapshot, snapshot.Of("d"), snapshot.Of("a"), Traversal.Supply with { Walk = Walk.Forward }));
        Assert.Equal("d>b>a", Ids(snapshot, PathFinder.Shortest(snapshot, snapshot.Of("d"), snapshot.Of("a"), Traversal.Supply)!));
    }

    [Fact]
    public void KShortest_ListsTheLoopFreePathsShortestFirst()
    {
        var snapshot = Diamond().Build();

        var paths = PathFinder.KShortest(snapshot, snapshot.Of("a"), snapshot.Of("d"), 5, Traversal.Supply with { Walk = Walk.Forward });

        Assert.Equal(["a>b>d", "a>c>d", "a>e>f>d"], paths.Select(p => Ids(snapshot, p)));
    }

    [Fact]
    public void KShortest_Undirected_FindsEveryLoopFreeRoute()
    {
        var snapshot = new TestGraph().Inputs("a", "b", "c").Inputs("a", "c").Build();

        var paths = PathFinder.KShortest(snapshot, snapshot.Of("a"), snapshot.Of("c"), 3, Traversal.Supply);

        Assert.Equal(["a>c", "a>b>c"], paths.Select(p => Ids(snapshot, p)));
    }

    [Fact]
    public void Within_ReturnsEnterprisesNearestFirstUpToTheLimit_AndCountsAll()
    {
        var graph = new TestGraph().Inputs("p1", "p2", "p3").Enterprise("e1").Enterprise("e2").Enterprise("e3")
            .Makes("e1", "p1").Makes("e2", "p2").Makes("e3", "p3");
        var snapshot = graph.Build();

        var near = PathFinder.Within(snapshot, snapshot.Of("e1"), 3, Traversal.Supply, NodeLabel.Enterprise);
        var capped = PathFinder.Within(snapshot, snapshot.Of("e1"), 9, Traversal.Supply, limit: 2);

        Assert.Equal([("e2", 3)], near.Nodes.Select(n => (snapshot.Ids[n.Node], n.Distance)));
        Assert.Equal(2, capped.Nodes.Count);
        Assert.Equal(5, capped.Total);
    }
}

public sealed class CommunityTests
{
    [Fact]
    public void TwoCliquesJoinedByOneEdge_AreTwoCommunities()
    {
        var graph = new TestGraph();
        string[] left = ["a1", "a2", "a3", "a4"], right = ["b1", "b2", "b3", "b4"];
        foreach (var group in new[] { left, right })
            for (var i = 0; i < group.Length; i++)
                for (var j = i + 1; j < group.Length; j++)
                    graph.Inputs(group[i], group[j]);
        graph.Inputs("a1", "b1");
        var snapshot = graph.Build();
        var network = UndirectedNetwork.Build(snapshot, SupplyMembers.Types);

        var community = Louvain.Communities(network);

        Assert.Single(left.Select(id => community[snapshot.Of(id)]).Distinct());
        Assert.Single(right.Select(id => community[snapshot.Of(id)]).Distinct());
        Assert.NotEqual(community[snapshot.Of("a1")], community[snapshot.Of("b1")]);
        // Two 6-edge cliques and a bridge: Q = 2·(6/13 − (13/26)²).
        Assert.Equal(2 * (6.0 / 13 - 0.25), Louvain.Modularity(network, community), 9);
    }

    [Fact]
    public void Modularity_CommunityNumberOutOfRange_NamesTheNodeAndTheNumber()
    {
        var network = UndirectedNetwork.Build(new TestGraph().Inputs("a", "b").Build(), SupplyMembers.Types);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Louvain.Modularity(network, [0, 7]));

        Assert.Contains("Node 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Got: 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ComparesCommunitiesWithProvincesAndClusters()
    {
        var graph = new TestGraph().Node("cz", NodeLabel.Cluster);
        foreach (var e in new[] { "e1", "e2", "e3" }) graph.Enterprise(e).Makes(e, "p").Edge(RelType.MemberOf, e, "cz");
        graph.Enterprise("far", "广东省", "深圳市").Makes("far", "q").Inputs("x", "q");

        var report = CommunityAnalysis.Run(graph.Build(), scope: ChokepointScope.All);

        var largest = report.Largest[0];
        Assert.Equal((4, 3), (largest.Size, largest.Enterprises));
        Assert.Equal(("江苏省", 1.0), (largest.Provinces[0].Name, largest.Provinces[0].Fraction));
        Assert.Equal(("cz", 1.0), (largest.Clusters[0].Name, largest.Clusters[0].Fraction));
        Assert.Equal(2, report.Count);
    }
}

public sealed class CentralityTests
{
    [Fact]
    public void PageRank_OfATinyGraph_MatchesTheClosedForm()
    {
        // a → b, b → c, c → a: a cycle, so every node has rank 1/3.
        var snapshot = new TestGraph().Inputs("a", "b", "c", "a").Build();

        var rank = PageRank.Compute(snapshot, SupplyMembers.Of(snapshot));

        Assert.All(rank, r => Assert.Equal(1.0 / 3, r, 12));
    }

    [Fact]
    public void PageRank_DanglingRankSpreadsUniformly()
    {
        // a → b with b dangling: r_a = 0.15/2 + 0.85·r_b/2 and r_a + r_b = 1, so r_a = 0.5 / 1.425.
        var snapshot = new TestGraph().Inputs("a", "b").Build();

        var rank = PageRank.Compute(snapshot, SupplyMembers.Of(snapshot));

        Assert.Equal(0.5 / 1.425, rank[0], 12);
        Assert.Equal(1 - 0.5 / 1.425, rank[1], 12);
    }

    [Fact]
    public void PageRank_OfACycleFeedingADanglingNode_MatchesTheLinearSystem()
    {
        // a ⇄ b, b → c: y = 1/3 + 0.85·Pᵀy reads y_a = 1/3 + 0.85·y_b/2, y_b = 1/3 + 0.85·y_a, y_c = 1/3 + 0.85·y_b/2;
        // PageRank is y scaled to sum 1.
        var snapshot = new TestGraph().Inputs("a", "b", "a").Inputs("b", "c").Build();
        var ya = (1 + 0.425) / 3 / (1 - 0.85 * 0.425);
        var yb = 1.0 / 3 + 0.85 * ya;
        var yc = 1.0 / 3 + 0.85 * yb / 2;
        var members = SupplyMembers.Of(snapshot);

        var rank = PageRank.Compute(snapshot, members);

        double Rank(string id) => rank[members.Dense[snapshot.Of(id)]];
        var sum = ya + yb + yc;
        Assert.Equal(ya / sum, Rank("a"), 12);
        Assert.Equal(yb / sum, Rank("b"), 12);
        Assert.Equal(yc / sum, Rank("c"), 12);
    }

    [Fact]
    public void Betweenness_WithEverySourceSampled_IsExact()
    {
        // A path a–b–c–d: b and c each lie on 2 of the 3 pairs not involving them; normalised 2/3.
        var snapshot = new TestGraph().Inputs("a", "b", "c", "d").Build();
        var network = UndirectedNetwork.Build(snapshot, SupplyMembers.Types);

        var betweenness = SampledBetweenness.Compute(network, samples: 4);

        Assert.Equal([0, 0.666666667, 0.666666667, 0], betweenness.Select(b => Math.Round(b, 9)));
    }
}

public sealed class LinkageTests
{
    [Fact]
    public void TwoRegions_LinksSegmentsAndTheBrokerBetweenThem()
    {
        var graph = new TestGraph().Node("seg", NodeLabel.Segment, "upstream", 1)
            .Enterprise("cz1").Enterprise("sz1", "广东省", "深圳市").Enterprise("sz2", "广东省", "深圳市").Enterprise("mid", "湖南省", "长沙市")
            .Makes("cz1", "隔膜").Makes("sz1", "电池").Inputs("隔膜", "电池").Edge(RelType.InSegment, "隔膜", "seg")
            .Edge(RelType.Supplies, "cz1", "mid").Edge(RelType.Supplies, "mid", "sz2");
        var snapshot = graph.Build();

        var report = GroupLinkage.Run(snapshot, NodeGroup.Resolve(snapshot, "常州", "a"), NodeGroup.Resolve(snapshot, "深圳", "b"));

        Assert.Equal([("cz1", "sz1", "INPUT_TO", "隔膜")], report.Links.Select(l => (l.From, l.To, l.Kind, l.Product)));
        Assert.Equal([("seg", 1)], report.Segments.Select(s => (s.Id, s.Links)));
        // Each broker lies on one of the two shortest routes: cz1–mid–sz2 and cz1–隔膜–电池–sz1.
        Assert.Equal([("mid", 1.0), ("电池", 1.0), ("隔膜", 1.0)], report.Brokers.Select(b => (b.Id, b.Score)).OrderBy(b => b.Id, StringComparer.Ordinal));
    }
}
