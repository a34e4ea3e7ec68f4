namespace ChainGraph.Model.Snapshot;

/// <summary>Subgraphs for exports, by breadth-first search over the snapshot: O(V + E) of the part visited.</summary>
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
}
