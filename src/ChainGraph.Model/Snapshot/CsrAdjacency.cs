namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Compressed sparse row adjacency of one relationship type in one direction: the neighbours
/// of node v are Targets[Offsets[v]..Offsets[v + 1]], with a weight each (NaN when unknown).
/// </summary>
public sealed class CsrAdjacency
{
    internal CsrAdjacency(int[] offsets, int[] targets, float[] weights)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public float[] Weights { get; }

    public int EdgeCount => Targets.Length;

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => Targets.AsSpan(Offsets[node], Degree(node));

    public ReadOnlySpan<float> WeightsOf(int node) => Weights.AsSpan(Offsets[node], Degree(node));

    /// <summary>Builds both directions from an edge list in O(V + E) with a counting sort.</summary>
    internal static (CsrAdjacency Outgoing, CsrAdjacency Incoming) Build(int nodeCount, ReadOnlySpan<int> sources,
        ReadOnlySpan<int> targets, ReadOnlySpan<float> weights) =>
        (Sort(nodeCount, sources, targets, weights), Sort(nodeCount, targets, sources, weights));

    static CsrAdjacency Sort(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<float> weights)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var v in from) offsets[v + 1]++;
        for (var i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
        var next = offsets.AsSpan(0, nodeCount).ToArray();
        var targets = new int[from.Length];
        var sortedWeights = new float[from.Length];
        for (var e = 0; e < from.Length; e++)
        {
            var slot = next[from[e]]++;
            targets[slot] = to[e];
            sortedWeights[slot] = weights[e];
        }
        return new CsrAdjacency(offsets, targets, sortedWeights);
    }
}
