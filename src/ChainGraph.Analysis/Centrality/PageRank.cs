using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Centrality;

// Page, Brin, Motwani & Winograd (1999), "The PageRank citation ranking", by power iteration.

/// <summary>
/// PageRank over the directed supply network (MAKES enterprise→product, SUPPLIES, INPUT_TO
/// input→product): rank flows downstream to what is made from many inputs and makers.
/// Uniform teleport; a node without out-links spreads its rank uniformly (as NetworkX does).
/// Each iteration is O(V + E); it stops when the L1 change falls below N·tolerance.
/// </summary>
public static class PageRank
{
    public static double[] Compute(GraphSnapshot snapshot, SupplyMembers members, double alpha = 0.85, double tolerance = 1e-13, int maxIterations = 1000)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(members);
        var n = members.Count;
        var outDegree = new int[n];
        for (var i = 0; i < n; i++)
            foreach (var type in SupplyMembers.Types) outDegree[i] += Degree(snapshot, members, type, members.Nodes[i]);
        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double dangling = 0;
            for (var i = 0; i < n; i++) if (outDegree[i] == 0) dangling += rank[i];
            var baseline = (1 - alpha) / n + alpha * dangling / n;
            Array.Fill(next, baseline);
            for (var i = 0; i < n; i++)
            {
                if (outDegree[i] == 0) continue;
                var share = alpha * rank[i] / outDegree[i];
                foreach (var type in SupplyMembers.Types)
                    foreach (var target in snapshot.Out(type).Neighbours(members.Nodes[i]))
                        if (members.Dense[target] is var t and >= 0) next[t] += share;
            }
            double change = 0;
            for (var i = 0; i < n; i++) change += Math.Abs(next[i] - rank[i]);
            (rank, next) = (next, rank);
            if (change < n * tolerance) break;
        }
        return rank;
    }

    static int Degree(GraphSnapshot snapshot, SupplyMembers members, Model.RelType type, int node)
    {
        var count = 0;
        foreach (var target in snapshot.Out(type).Neighbours(node)) if (members.Dense[target] >= 0) count++;
        return count;
    }
}
