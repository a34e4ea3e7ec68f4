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
        var (offsets, targets) = members.OutLinks(snapshot);
        var rank = new double[n];
        var next = new double[n];
        Array.Fill(rank, 1.0 / n);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double dangling = 0;
            for (var i = 0; i < n; i++) if (offsets[i] == offsets[i + 1]) dangling += rank[i];
            Array.Fill(next, (1 - alpha) / n + alpha * dangling / n);
            for (var i = 0; i < n; i++)
            {
                var degree = offsets[i + 1] - offsets[i];
                if (degree == 0) continue;
                var share = alpha * rank[i] / degree;
                foreach (var t in targets.AsSpan(offsets[i], degree)) next[t] += share;
            }
            double change = 0;
            for (var i = 0; i < n; i++) change += Math.Abs(next[i] - rank[i]);
            (rank, next) = (next, rank);
            if (change < n * tolerance) break;
        }
        return rank;
    }
}
