using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;

namespace ChainGraph.Analysis.Tests;

public sealed class DominatorTests
{
    static Dictionary<string, int> Dominates(TestGraph graph)
    {
        var snapshot = graph.Build();
        var tree = DominatorAnalysis.Compute(snapshot);
        return Enumerable.Range(0, snapshot.NodeCount).ToDictionary(v => snapshot.Ids[v], v => tree.Dominates[v]);
    }

    [Fact]
    public void Diamond_SourceDominatesAllAndTheSidesNothing()
    {
        var counts = Dominates(new TestGraph().Inputs("s", "a", "t").Inputs("s", "b", "t"));

        Assert.Equal(new Dictionary<string, int> { ["s"] = 3, ["a"] = 0, ["t"] = 0, ["b"] = 0 }, counts);
    }

    [Fact]
    public void Chain_EachDominatesEverythingBelowIt()
    {
        Assert.Equal([3, 2, 1, 0], Dominates(new TestGraph().Inputs("a", "b", "c", "d")).Values);
    }

    [Fact]
    public void Cycle_FedByOneInput_IsDominatedByItsEntry()
    {
        var counts = Dominates(new TestGraph().Inputs("a", "b", "c", "b"));

        Assert.Equal((2, 1, 0), (counts["a"], counts["b"], counts["c"]));
    }

    [Fact]
    public void SeveralSources_MeetingProductDominatesOnlyWhatIsBelow()
    {
        var counts = Dominates(new TestGraph().Inputs("a", "c", "d").Inputs("b", "c"));

        Assert.Equal((0, 0, 1, 0), (counts["a"], counts["b"], counts["c"], counts["d"]));
    }

    [Fact]
    public void DisconnectedPartsAndASourcelessCycle_AreHandledApart()
    {
        var snapshot = new TestGraph().Inputs("a", "b").Inputs("x", "y", "x").Products("lone").Build();

        var tree = DominatorAnalysis.Compute(snapshot);

        Assert.Equal(1, tree.Dominates[snapshot.Of("a")]);
        Assert.Equal(-1, tree.ImmediateDominator[snapshot.Of("x")]);
        Assert.Equal(DominatorTree.Source, tree.ImmediateDominator[snapshot.Of("a")]);
        Assert.Equal(3, tree.ReachableProducts);
    }

    [Fact]
    public void LongChain_IsComputedWithoutRecursion()
    {
        var ids = Enumerable.Range(0, 300_000).Select(i => $"p{i}").ToArray();

        var snapshot = new TestGraph().Inputs(ids).Build();
        var tree = DominatorAnalysis.Compute(snapshot);

        Assert.Equal(299_999, tree.Dominates[snapshot.Of("p0")]);
    }
}

public sealed class ArticulationPointTests
{
    /// <summary>The articulation points, comma-joined in order, and the number of bridges.</summary>
    static (string Points, int Bridges) Find(TestGraph graph)
    {
        var snapshot = graph.Build();
        var result = ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot));
        return (string.Join(",", result.Points.Select(v => snapshot.Ids[v]).Order(StringComparer.Ordinal)), result.Bridges.Count);
    }

    [Fact]
    public void Path_InnerNodesAreArticulationPointsAndEveryEdgeABridge() =>
        Assert.Equal(("b,c", 3), Find(new TestGraph().Inputs("a", "b", "c", "d")));

    [Fact]
    public void Cycle_HasNoArticulationPointOrBridge() =>
        Assert.Equal(("", 0), Find(new TestGraph().Inputs("a", "b", "c", "a")));

    [Fact]
    public void TwoTrianglesSharingANode_ThatNodeIsTheOnlyPoint() =>
        Assert.Equal(("c", 0), Find(new TestGraph().Inputs("a", "b", "c", "a").Inputs("c", "d", "e", "c")));

    [Fact]
    public void OppositeEdges_CountAsOneUndirectedEdge() =>
        Assert.Equal(("b", 2), Find(new TestGraph().Inputs("a", "b", "a").Inputs("b", "c")));

    [Fact]
    public void SuppliesLinkEnterprises_AndOtherTypesAreIgnored()
    {
        var graph = new TestGraph().Enterprise("e1").Enterprise("e2").Enterprise("e3").Products("p");
        graph.Edge(RelType.Supplies, "e1", "e2").Edge(RelType.Supplies, "e2", "e3").Makes("e2", "p");

        Assert.Equal(("e2", 2), Find(graph));
    }

    [Fact]
    public void MillionNodeChain_DoesNotOverflowTheStack()
    {
        var ids = Enumerable.Range(0, 1_000_000).Select(i => $"p{i}").ToArray();

        var (points, bridges) = Find(new TestGraph().Inputs(ids));

        Assert.Equal(999_998, points.Split(',').Length);
        Assert.Equal(999_999, bridges);
    }
}
