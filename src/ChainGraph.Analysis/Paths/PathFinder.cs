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
    public static GraphPath? Shortest(GraphSnapshot snapshot, int from, int to, Traversal traversal, int maxLength = 12) =>
        Shortest(snapshot, from, to, traversal, maxLength, blockedNodes: null, blockedSteps: null);

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

    /// <summary>Nodes within <paramref name="steps"/> of a node (optionally of one label), nearest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<(int Node, int Distance)> Within(GraphSnapshot snapshot, int from, int steps, Traversal traversal,
        NodeLabel? label = null, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(traversal);
        var distance = new Dictionary<int, int> { [from] = 0 };
        var frontier = new List<int> { from };
        var result = new List<(int, int)>();
        for (var d = 1; d <= steps && frontier.Count > 0 && result.Count < limit; d++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
                traversal.ForEachNeighbour(snapshot, v, (n, _, _) =>
                {
                    if (!distance.TryAdd(n, d)) return;
                    next.Add(n);
                    if (result.Count < limit && (label is null || snapshot.Labels[n] == label)) result.Add((n, d));
                });
            frontier = next;
        }
        return result;
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

    static GraphPath Trace(Dictionary<int, (int Node, RelType Type, bool Forward)> parent, int to)
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
