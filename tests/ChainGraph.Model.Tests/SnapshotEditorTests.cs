using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Model.Tests;

public sealed class SnapshotEditorTests
{
    static readonly SourceLocation At = new("test", 1);

    /// <summary>A chain p0 → p1 → … over three chunks of nodes.</summary>
    static GraphSnapshot LongChain(int products)
    {
        var builder = new SnapshotBuilder();
        for (var i = 0; i < products; i++) builder.AddNode($"p{i}", NodeLabel.Product, $"产品{i}");
        for (var i = 0; i + 1 < products; i++) builder.AddEdge(RelType.InputTo, i, i + 1, i);
        return builder.Build();
    }

    static ImportPlan Plan(GraphSnapshot snapshot, Action<GraphBatch> write)
    {
        var batch = new GraphBatch();
        write(batch);
        var stored = batch.ReferencedIds().Where(id => snapshot.TryGetIndex(id, out _))
            .ToDictionary(id => id, id => snapshot.Labels[snapshot.IndexOf(id, "id")]);
        return batch.Resolve(stored);
    }

    [Fact]
    public void Build_LeavesTheVersionItStartedFromAsItWas()
    {
        var before = LongChain(10_000);
        var editor = new SnapshotEditor(before);
        editor.Apply(Plan(before, b =>
        {
            b.UpdateNode("p5000", NodeLabel.Product, new() { ["name"] = "改名" }, [], At);
            b.AddNode("new", NodeLabel.Product, new() { ["name"] = "新产品" }, At);
            b.AddRelationship(RelType.InputTo, new("new"), new("p0"), [], At);
        }));

        var after = editor.Build(changeStamp: 7);

        Assert.Equal(("产品5000", 10_000, 9_999), (before.Names[5000], before.NodeCount, before.RelationshipCount));
        Assert.Equal(("改名", 10_001, 10_000, 7L), (after.Names[5000], after.NodeCount, after.RelationshipCount, after.ChangeStamp));
        Assert.Equal([after.IndexOf("new", "id")], after.In(RelType.InputTo).Neighbours(0).ToArray());
        Assert.Equal(0, before.In(RelType.InputTo).Degree(0));
        Assert.False(before.TryGetIndex("new", out _));
    }

    [Fact]
    public void RemoveNode_MovesTheLastNodeIntoItsPlaceWithItsRelationships()
    {
        var before = LongChain(9_000);
        var editor = new SnapshotEditor(before);

        editor.RemoveNode("p10");
        var after = editor.Build(before.ChangeStamp);

        var moved = after.IndexOf("p8999", "id");
        Assert.Equal((10, 8_999, 8_997), (moved, after.NodeCount, after.RelationshipCount));
        Assert.Equal([after.IndexOf("p8998", "id")], after.In(RelType.InputTo).Neighbours(moved).ToArray());
        Assert.Equal([moved], after.Out(RelType.InputTo).Neighbours(8998).ToArray());
        Assert.Equal(0, after.Out(RelType.InputTo).Degree(9));
        Assert.Equal(0, after.In(RelType.InputTo).Degree(11));
        Assert.False(after.TryGetIndex("p10", out _));
        Assert.Equal("p10", before.Ids[10]);
    }

    [Fact]
    public void Apply_ARelationshipToANodeItDoesNotKnow_Fails()
    {
        var before = LongChain(3);
        var plan = Plan(before, b => b.AddRelationship(RelType.InputTo, new("p0"), new("p1"), [], At)) with
        {
            Relationships = [new GraphRelationship(RelType.InputTo, "p0", "elsewhere", new Dictionary<string, object>())],
        };

        Assert.Throws<InvalidOperationException>(() => new SnapshotEditor(before).Apply(plan));
    }

    [Fact]
    public void Apply_ToAListBuiltOutOfNodeOrder_UpdatesTheRelationshipItHas_InsteadOfAddingASecond()
    {
        var builder = new SnapshotBuilder();
        foreach (var id in new[] { "p0", "p1", "p2", "p3" }) builder.AddNode(id, NodeLabel.Product, id);
        builder.AddEdge(RelType.InputTo, 3, 0, 1f);
        builder.AddEdge(RelType.InputTo, 1, 0, 1f);
        builder.AddEdge(RelType.InputTo, 2, 0, 1f);
        var before = builder.Build();
        var editor = new SnapshotEditor(before);

        editor.Apply(Plan(before, b => b.AddRelationship(RelType.InputTo, new("p1"), new("p0"), [], At)));
        editor.RemoveRelationship(new RelationshipKey(RelType.InputTo, "p2", "p0"));
        var after = editor.Build(null);

        Assert.Equal([3, 1], after.In(RelType.InputTo).Neighbours(0).ToArray());
    }
}
