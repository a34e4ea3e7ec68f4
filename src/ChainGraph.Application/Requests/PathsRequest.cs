using ChainGraph.Analysis.Paths;
using ChainGraph.Application.Presentation;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>
/// Shortest paths from <see cref="From"/> to <see cref="To"/> (the <see cref="K"/> shortest), or
/// with <see cref="Within"/> every node that many steps away (<c>analyze paths</c>, <c>GET /api/analyses/paths</c>).
/// </summary>
public sealed record PathsRequest(string From, string? To, int K = 1, int? Within = null, string? Label = null, string? Types = null,
    Walk Walk = Walk.Either, int Limit = 500) : IQuery<PathsAnswer>
{
    public const int MaxK = 20;
    public const int MaxWithin = 6;
    public const int MaxLimit = 5000;

    public void Validate()
    {
        new ParameterCheck()
            .Required("from", From)
            .That(Within is not null || !string.IsNullOrWhiteSpace(To), "to", To, "give the end node, or a number of steps (within).")
            .Range("k", K, 1, MaxK)
            .Range("within", Within, 1, MaxWithin)
            .Range("limit", Limit, 1, MaxLimit)
            .ThrowIfInvalid();
        Traversal.Parse(Types, Walk);
        GraphSchema.ParseLabel(Label, "label");
    }

    public PathsAnswer Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        var traversal = Traversal.Parse(Types, Walk);
        var start = snapshot.IndexOf(From, "from");
        var from = new PathNode(From, snapshot.Names[start], GraphSchema.Name(snapshot.Labels[start]));
        if (Within is { } steps)
        {
            var near = PathFinder.Within(snapshot, start, steps, traversal, GraphSchema.ParseLabel(Label, "label"), Limit);
            return new PathsAnswer(from, null, null,
                [.. near.Nodes.Select(n => new NearbyNode(snapshot.Ids[n.Node], snapshot.Names[n.Node], GraphSchema.Name(snapshot.Labels[n.Node]), n.Distance))], near.Total);
        }
        var end = snapshot.IndexOf(To!, "to");
        var paths = PathFinder.KShortest(snapshot, start, end, K, traversal);
        return new PathsAnswer(from, new PathNode(To!, snapshot.Names[end], GraphSchema.Name(snapshot.Labels[end])),
            [.. paths.Select(p => PathView.Of(snapshot, p))], null, paths.Count);
    }
}

/// <summary>The paths found, or with <see cref="PathsRequest.Within"/> the nodes near the start (<see cref="Total"/> of them in all).</summary>
public sealed record PathsAnswer(PathNode From, PathNode? To, IReadOnlyList<PathView>? Paths, IReadOnlyList<NearbyNode>? Nearby, int Total);

/// <summary>A node within a number of steps of the start.</summary>
public sealed record NearbyNode(string Id, string Name, string Label, int Distance);

/// <summary>The paths between two nodes: the JSON answer of <c>paths</c> without <c>within</c>.</summary>
public sealed record PathList(IReadOnlyList<PathView> Paths);
