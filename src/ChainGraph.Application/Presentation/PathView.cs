using ChainGraph.Analysis.Paths;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Presentation;

/// <summary>A path with ids, names and labels instead of node indices: the shape of the JSON answer.</summary>
public sealed record PathView(int Length, IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathStep> Steps)
{
    public static PathView Of(GraphSnapshot snapshot, GraphPath path)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(path);
        return new(path.Length, [.. path.Nodes.Select(v => new PathNode(snapshot.Ids[v], snapshot.Names[v], GraphSchema.Name(snapshot.Labels[v])))],
            [.. path.Steps.Select(s => new PathStep(GraphSchema.Name(s.Type), s.Forward))]);
    }
}

public sealed record PathNode(string Id, string Name, string Label);

public sealed record PathStep(string Type, bool Forward);
