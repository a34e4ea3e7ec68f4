using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Structure;

/// <summary>
/// A simple undirected graph over the snapshot's node indices, from the union of chosen
/// relationship types in both directions, with parallel edges and self-loops removed.
/// </summary>
public sealed class UndirectedNetwork
{
    UndirectedNetwork(int[] offsets, int[] targets)
    {
        Offsets = offsets;
        Targets = targets;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public int NodeCount => Offsets.Length - 1;

    public ReadOnlySpan<int> Neighbours(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>The supply network of the contract: enterprises linked by SUPPLIES, products by INPUT_TO.</summary>
    public static UndirectedNetwork SupplyNetwork(GraphSnapshot snapshot) => Build(snapshot, RelType.Supplies, RelType.InputTo);

    /// <summary>O(V + E log d): neighbours gathered per node, then sorted and deduplicated in place.</summary>
    public static UndirectedNetwork Build(GraphSnapshot snapshot, params RelType[] types) => Build(snapshot, null, types);

    /// <param name="keep">The nodes whose edges count; the others stay in the network without any. Null keeps every node.</param>
    public static UndirectedNetwork Build(GraphSnapshot snapshot, bool[]? keep, params RelType[] types)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var n = snapshot.NodeCount;
        var offsets = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            var degree = 0;
            foreach (var type in types) degree += snapshot.Out(type).Degree(v) + snapshot.In(type).Degree(v);
            offsets[v + 1] = offsets[v] + degree;
        }
        var targets = new int[offsets[n]];
        var compacted = new int[n + 1];
        var write = 0;
        for (var v = 0; v < n; v++)
        {
            var start = offsets[v];
            var fill = start;
            foreach (var type in types)
            {
                snapshot.Out(type).Neighbours(v).CopyTo(targets.AsSpan(fill));
                fill += snapshot.Out(type).Degree(v);
                snapshot.In(type).Neighbours(v).CopyTo(targets.AsSpan(fill));
                fill += snapshot.In(type).Degree(v);
            }
            var span = targets.AsSpan(start, fill - start);
            span.Sort();
            compacted[v] = write;
            var last = -1;
            foreach (var t in span)
            {
                if (t == last || t == v || (keep is not null && (!keep[v] || !keep[t]))) continue;
                targets[write++] = t;
                last = t;
            }
        }
        compacted[n] = write;
        Array.Resize(ref targets, write);
        return new UndirectedNetwork(compacted, targets);
    }
}
