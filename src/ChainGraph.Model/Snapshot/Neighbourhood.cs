namespace ChainGraph.Model.Snapshot;

/// <summary>Subgraphs for views and exports, by breadth-first search over the snapshot: O(V + E) of the part visited.</summary>
public static class Neighbourhood
{
    /// <summary>Nodes within <paramref name="depth"/> steps of <paramref name="focus"/> over any relationship, either direction.</summary>
    public static HashSet<int> Around(GraphSnapshot snapshot, int focus, int depth)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var seen = new HashSet<int> { focus };
        var frontier = new List<int> { focus };
        for (var step = 0; step < depth && frontier.Count > 0; step++)
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var type in GraphSchema.RelTypes)
                {
                    foreach (var n in snapshot.Out(type).Neighbours(node)) if (seen.Add(n)) next.Add(n);
                    foreach (var n in snapshot.In(type).Neighbours(node)) if (seen.Add(n)) next.Add(n);
                }
            }
            frontier = next;
        }
        return seen;
    }

    /// <summary>A chain, its segments, the products in them and the enterprises that make those products.</summary>
    public static HashSet<int> Chain(GraphSnapshot snapshot, int chain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var nodes = new HashSet<int> { chain };
        foreach (var segment in snapshot.In(RelType.PartOf).Neighbours(chain))
        {
            nodes.Add(segment);
            foreach (var product in snapshot.In(RelType.InSegment).Neighbours(segment))
            {
                nodes.Add(product);
                foreach (var maker in snapshot.In(RelType.Makes).Neighbours(product)) nodes.Add(maker);
            }
        }
        return nodes;
    }
}
