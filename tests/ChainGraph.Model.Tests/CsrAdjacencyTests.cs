using ChainGraph.Model.Snapshot;

namespace ChainGraph.Model.Tests;

public sealed class CsrAdjacencyTests
{
    [Fact]
    public void Build_GroupsNeighboursPerNodeInBothDirections()
    {
        var builder = new SnapshotBuilder();
        foreach (var id in new[] { "a", "b", "c", "d" }) builder.AddNode(id, NodeLabel.Product, id);
        builder.AddEdge(RelType.InputTo, 0, 2, 1f);
        builder.AddEdge(RelType.InputTo, 1, 2, 2f);
        builder.AddEdge(RelType.InputTo, 2, 3, 3f);

        var snapshot = builder.Build();

        var outgoing = snapshot.Out(RelType.InputTo);
        var incoming = snapshot.In(RelType.InputTo);
        Assert.Equal([1, 1, 1, 0], Enumerable.Range(0, 4).Select(outgoing.Degree));
        Assert.Equal([2], outgoing.Neighbours(0).ToArray());
        Assert.Equal([0, 1], incoming.Neighbours(2).ToArray());
        Assert.Equal([1f, 2f], incoming.WeightsOf(2).ToArray());
        Assert.Equal(0, outgoing.Degree(3));
        Assert.Equal(0, snapshot.Out(RelType.Makes).EdgeCount);
    }

    [Fact]
    public void Neighbourhood_Around_StopsAtTheDepth()
    {
        var builder = new SnapshotBuilder();
        for (var i = 0; i < 5; i++) builder.AddNode($"n{i}", NodeLabel.Product, $"n{i}");
        for (var i = 0; i < 4; i++) builder.AddEdge(RelType.InputTo, i, i + 1);

        var around = Neighbourhood.Around(builder.Build(), 2, 1);

        Assert.Equal([1, 2, 3], around.Order());
    }
}
