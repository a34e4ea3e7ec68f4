using ChainGraph.Analysis.Structure;

namespace ChainGraph.Analysis.Communities;

// Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of communities in large networks",
// with Rotta & Noack's (2011) multi-level refinement, "Multilevel local search algorithms for modularity clustering".

/// <summary>
/// Louvain modularity maximisation on an undirected network: move nodes to the neighbouring
/// community with the best modularity gain until nothing moves (revisiting only the neighbours
/// of nodes that moved), aggregate communities into nodes, repeat while modularity rises. Then
/// refine: the final partition is carried back down the levels, and at each level the nodes
/// are moved again one by one, which an early merge no longer pins to the community it made.
/// Nodes are visited in a seeded random order. Returns a community number per node, numbered
/// by decreasing size.
/// </summary>
public static partial class Louvain
{
    public static int[] Communities(UndirectedNetwork network, double resolution = 1.0, int seed = 42, double threshold = 1e-7,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var random = new Random(seed);
        var level = Level.From(network);
        var modularity = level.Modularity(Identity(level.Count), resolution);
        // Each level with its nodes' numbers in the next, coarser one.
        var levels = new List<(Level Level, int[] Up)>();
        while (true)
        {
            var community = level.MoveNodes(Identity(level.Count), resolution, random, cancellationToken);
            var improved = level.Modularity(community, resolution);
            if (improved - modularity <= threshold) break;
            modularity = improved;
            var count = Renumber(community);
            levels.Add((level, community));
            level = level.Aggregate(community, count);
        }
        var partition = Identity(level.Count);
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            var (finer, up) = levels[i];
            for (var v = 0; v < up.Length; v++) up[v] = partition[up[v]];
            partition = finer.MoveNodes(up, resolution, random, cancellationToken);
        }
        return BySize(partition);
    }

    /// <summary>Newman's modularity Q = Σ_c [L_c/m − γ(d_c/2m)²] of a partition of the network, communities numbered 0..V−1.</summary>
    public static double Modularity(UndirectedNetwork network, int[] community, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(community);
        if (community.Length != network.NodeCount)
            throw new ArgumentException($"One community per node is needed: {network.NodeCount} nodes. Got: {community.Length} communities.", nameof(community));
        for (var v = 0; v < community.Length; v++)
            if ((uint)community[v] >= (uint)community.Length)
                throw new ArgumentOutOfRangeException(nameof(community), $"Node {v}: community numbers run from 0 to {community.Length - 1}. Got: {community[v]}.");
        return Level.From(network).Modularity(community, resolution);
    }

    static int[] Identity(int count)
    {
        var identity = new int[count];
        for (var v = 0; v < count; v++) identity[v] = v;
        return identity;
    }

    /// <summary>Renumbers the communities 0..count−1 in place, in order of first appearance; returns the count.</summary>
    static int Renumber(int[] community)
    {
        var number = new int[community.Length];
        Array.Fill(number, -1);
        var count = 0;
        for (var v = 0; v < community.Length; v++)
        {
            ref var id = ref number[community[v]];
            if (id < 0) id = count++;
            community[v] = id;
        }
        return count;
    }

    static int[] BySize(int[] membership)
    {
        var count = Renumber(membership);
        var size = new int[count];
        foreach (var c in membership) size[c]++;
        var order = Identity(count);
        // Ties by first appearance, so the numbering follows the seed alone.
        Array.Sort(order, (a, b) => size[a] != size[b] ? size[b].CompareTo(size[a]) : a.CompareTo(b));
        var rank = new int[count];
        for (var r = 0; r < count; r++) rank[order[r]] = r;
        for (var v = 0; v < membership.Length; v++) membership[v] = rank[membership[v]];
        return membership;
    }
}
