using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Paths;

/// <summary>Which way a walk may follow a relationship.</summary>
public enum Walk
{
    Forward,
    Backward,
    Either,
}

/// <summary>
/// The relationships a path may use and in which direction, read straight from the snapshot's
/// CSR arrays. Default: the supply relationships (MAKES, SUPPLIES, INPUT_TO) either way.
/// </summary>
public sealed record Traversal(IReadOnlyList<RelType> Types, Walk Walk = Walk.Either)
{
    public static Traversal Supply { get; } = new([RelType.Makes, RelType.Supplies, RelType.InputTo]);

    /// <summary>From a comma-separated list of relationship types (null: the supply ones) and a walk.</summary>
    public static Traversal Parse(string? types, Walk walk) => types is null
        ? Supply with { Walk = walk }
        : new([.. types.Split(',').Select(t => GraphSchema.ParseRelType(t.Trim(), "types")!.Value)], walk);

    /// <summary>Calls <paramref name="visit"/> with each (neighbour, type, forward) of a node.</summary>
    public void ForEachNeighbour(GraphSnapshot snapshot, int node, Action<int, RelType, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var type in Types)
        {
            if (Walk != Walk.Backward) foreach (var n in snapshot.Out(type).Neighbours(node)) visit(n, type, true);
            if (Walk != Walk.Forward) foreach (var n in snapshot.In(type).Neighbours(node)) visit(n, type, false);
        }
    }
}

/// <summary>A path: its nodes in order and the relationship crossed before each node after the first.</summary>
public sealed record GraphPath(IReadOnlyList<int> Nodes, IReadOnlyList<(RelType Type, bool Forward)> Steps)
{
    public int Length => Steps.Count;
}
