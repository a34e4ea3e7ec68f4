using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Paths;

// Breadth-first search (Moore 1959) for shortest paths; Yen (1971) for the k shortest loop-free paths.

/// <summary>
/// Paths between nodes over chosen relationships: the shortest (BFS, O(V + E)), the k shortest
/// loop-free ones (Yen: k·L BFS runs for paths of length L), and everything within k steps.
/// Every search is bounded by <paramref name="maxLength"/> and result limits so that a hub node
/// cannot blow up the answer.
/// </summary>
public static class PathFinder
{
    /// <summary>A shortest path by bidirectional BFS: each side expands its smaller frontier, so the work is about the square root of one-sided BFS.</summary>
    public static GraphPath? Shortest(GraphSnapshot snapshot, int from, int to, Traversal traversal, int maxLength = 12)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(traversal);
        if (from == to) return new GraphPath([from], []);
        var ahead = new Search(snapshot, traversal, from, backwards: false);
        var behind = new Search(snapshot, traversal, to, backwards: true);
        for (var length = 0; length < maxLength && ahead.Frontier.Count > 0 && behind.Frontier.Count > 0; length++)
        {
            var meeting = ahead.Frontier.Count <= behind.Frontier.Count ? ahead.Step(behind) : behind.Step(ahead);
            if (meeting >= 0) return Join(ahead.Trace(meeting), behind.Trace(meeting));
        }
        return null;
    }

    /// <summary>The start side's path, then the end side's reversed: its steps were walked the other way, so they flip.</summary>
    static GraphPath Join(GraphPath head, GraphPath tail) =>
        new([.. head.Nodes, .. tail.Nodes.Reverse().Skip(1)], [.. head.Steps, .. tail.Steps.Reverse().Select(s => (s.Type, !s.Forward))]);

    /// <summary>One side of a bidirectional search; the backward side walks relationships the other way round.</summary>
    sealed class Search
    {
        readonly GraphSnapshot snapshot;
        readonly Traversal traversal;
        readonly Dictionary<int, (int Node, RelType Type, bool Forward)> parent = [];

        public Search(GraphSnapshot snapshot, Traversal traversal, int start, bool backwards)
        {
            this.snapshot = snapshot;
            this.traversal = backwards ? traversal with { Walk = traversal.Walk switch { Walk.Forward => Walk.Backward, Walk.Backward => Walk.Forward, _ => Walk.Either } } : traversal;
            parent[start] = (-1, default, true);
            Frontier = [start];
        }

        public List<int> Frontier { get; private set; }

        public bool Reached(int node) => parent.ContainsKey(node);

        /// <summary>Expands one level; returns a node the other side has reached, or -1.</summary>
        public int Step(Search other)
        {
            var next = new List<int>();
            var meeting = -1;
            foreach (var v in Frontier)
            {
                traversal.ForEachNeighbour(snapshot, v, (n, type, forward) =>
                {
                    if (!parent.TryAdd(n, (v, type, forward))) return;
                    next.Add(n);
                    if (meeting < 0 && other.Reached(n)) meeting = n;
                });
                if (meeting >= 0) return meeting;
            }
            Frontier = next;
            return -1;
        }

        /// <summary>The path from this side's start to the node, steps as walked from the start.</summary>
        public GraphPath Trace(int node) => PathFinder.Trace(parent, node);
    }

    /// <summary>Up to <paramref name="k"/> shortest loop-free paths, shortest first (ties in discovery order).</summary>
    public static IReadOnlyList<GraphPath> KShortest(GraphSnapshot snapshot, int from, int to, int k, Traversal traversal, int maxLength = 12)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 50);
        var found = new List<GraphPath>();
        if (Shortest(snapshot, from, to, traversal, maxLength) is not { } first) return found;
        found.Add(first);
        var candidates = new List<GraphPath>();
        while (found.Count < k)
        {
            var last = found[^1];
            for (var spur = 0; spur < last.Nodes.Count - 1; spur++)
            {
                var root = last.Nodes.Take(spur + 1).ToList();
                // Block the next step of every known path sharing this root, and the root's nodes, so the spur is new and loop-free.
                var blockedSteps = new HashSet<(int, int)>();
                foreach (var path in found.Concat(candidates))
                    if (path.Nodes.Count > spur + 1 && path.Nodes.Take(spur + 1).SequenceEqual(root))
                        blockedSteps.Add((path.Nodes[spur], path.Nodes[spur + 1]));
                var blockedNodes = root.Take(spur).ToHashSet();
                if (Shortest(snapshot, root[^1], to, traversal, maxLength - spur, blockedNodes, blockedSteps) is not { } spurPath) continue;
                var nodes = root.Concat(spurPath.Nodes.Skip(1)).ToList();
                var steps = last.Steps.Take(spur).Concat(spurPath.Steps).ToList();
                var candidate = new GraphPath(nodes, steps);
                if (!candidates.Concat(found).Any(p => p.Nodes.SequenceEqual(nodes))) candidates.Add(candidate);
            }
            if (candidates.Count == 0) break;
            var next = candidates.MinBy(p => p.Length)!;
            candidates.Remove(next);
            found.Add(next);
        }
        return found;
    }

    /// <summary>
    /// Nodes within <paramref name="steps"/> of a node (optionally of one label), nearest first, at most
    /// <paramref name="limit"/>; <see cref="Nearby.Total"/> counts them all, so a caller can say what the limit cut.
    /// </summary>
    public static Nearby Within(GraphSnapshot snapshot, int from, int steps, Traversal traversal, NodeLabel? label = null, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(traversal);
        var distance = new Dictionary<int, int> { [from] = 0 };
        var frontier = new List<int> { from };
        var result = new List<(int, int)>();
        var total = 0;
        for (var d = 1; d <= steps && frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
                traversal.ForEachNeighbour(snapshot, v, (n, _, _) =>
                {
                    if (!distance.TryAdd(n, d)) return;
                    next.Add(n);
                    if (label is not null && snapshot.Labels[n] != label) return;
                    total++;
                    if (result.Count < limit) result.Add((n, d));
                });
            frontier = next;
        }
        return new Nearby(result, total);
    }

    static GraphPath? Shortest(GraphSnapshot snapshot, int from, int to, Traversal traversal, int maxLength,
        HashSet<int>? blockedNodes, HashSet<(int, int)>? blockedSteps)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(traversal);
        if (from == to) return new GraphPath([from], []);
        var parent = new Dictionary<int, (int Node, RelType Type, bool Forward)> { [from] = (-1, default, true) };
        var frontier = new List<int> { from };
        for (var depth = 0; depth < maxLength && frontier.Count > 0; depth++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                traversal.ForEachNeighbour(snapshot, v, (n, type, forward) =>
                {
                    if (parent.ContainsKey(n) || blockedNodes?.Contains(n) == true || blockedSteps?.Contains((v, n)) == true) return;
                    parent[n] = (v, type, forward);
                    next.Add(n);
                });
                if (parent.ContainsKey(to)) return Trace(parent, to);
            }
            frontier = next;
        }
        return null;
    }

    internal static GraphPath Trace(Dictionary<int, (int Node, RelType Type, bool Forward)> parent, int to)
    {
        var nodes = new List<int>();
        var steps = new List<(RelType, bool)>();
        for (var v = to; v >= 0; v = parent[v].Node)
        {
            nodes.Add(v);
            if (parent[v].Node >= 0) steps.Add((parent[v].Type, parent[v].Forward));
        }
        nodes.Reverse();
        steps.Reverse();
        return new GraphPath(nodes, steps);
    }
}

/// <summary>The nodes near a node, nearest first, and how many there are in all (the list may be cut at a limit).</summary>
public sealed record Nearby(IReadOnlyList<(int Node, int Distance)> Nodes, int Total);
