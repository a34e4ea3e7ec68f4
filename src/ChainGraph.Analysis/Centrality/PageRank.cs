using ChainGraph.Analysis.Structure;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Centrality;

// Del Corso, Gullì & Romani (2005), "Fast PageRank computation via a sparse linear system", solved
// component by component in topological order (Tarjan 1972, strongly connected components), as PRPACK does.

/// <summary>
/// PageRank over the directed supply network (MAKES enterprise→product, SUPPLIES, INPUT_TO
/// input→product): rank flows downstream to what is made from many inputs and makers.
/// Uniform teleport; a node without out-links spreads its rank uniformly (as NetworkX does).
/// That PageRank is the solution of (I − αPᵀ)y = 1/N scaled to sum 1, and a node's y needs only
/// its sources': the strongly connected components are solved in topological order, each by
/// Gauss–Seidel sweeps until its L1 change is below its share of <c>tolerance</c>. An acyclic
/// component is exact after one sweep, so on the (nearly acyclic) supply network it is one O(V + E) pass.
/// </summary>
public static class PageRank
{
    public static double[] Compute(GraphSnapshot snapshot, SupplyMembers members, double alpha = 0.85, double tolerance = 1e-12, int maxIterations = 1000)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(members);
        var (offsets, sources) = members.InLinks(snapshot);
        var n = members.Count;
        // Each source's share of its rank per link, α / out-degree, so the inner loop is a multiply-add.
        var share = new double[n];
        foreach (var s in sources) share[s]++;
        for (var i = 0; i < n; i++) share[i] = share[i] > 0 ? alpha / share[i] : 0;
        var solver = new ComponentSolver(offsets, sources, share, new double[n], tolerance / n, maxIterations);
        StronglyConnectedComponents.InTopologicalOrder(offsets, sources, ref solver);
        var rank = solver.Rank;
        var sum = 0.0;
        foreach (var r in rank) sum += r;
        for (var i = 0; i < n; i++) rank[i] /= sum;
        return rank;
    }

    /// <summary>
    /// Solves y = 1/N + Σ share·y over one component, its sources outside it being solved already.
    /// Keeps each solved node's outflow, share·y, so that a link costs one read.
    /// </summary>
    readonly struct ComponentSolver(int[] offsets, int[] sources, double[] share, double[] rank, double tolerancePerNode, int maxIterations)
        : StronglyConnectedComponents.IVisitor
    {
        readonly double[] outflow = new double[rank.Length];

        public double[] Rank => rank;

        public void Component(ReadOnlySpan<int> nodes)
        {
            var teleport = 1.0 / rank.Length;
            var cyclic = nodes.Length > 1 || sources.AsSpan(offsets[nodes[0]], offsets[nodes[0] + 1] - offsets[nodes[0]]).Contains(nodes[0]);
            for (var sweep = 0; sweep < maxIterations; sweep++)
            {
                var change = 0.0;
                foreach (var v in nodes)
                {
                    var y = teleport;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++) y += outflow[sources[e]];
                    change += Math.Abs(y - rank[v]);
                    rank[v] = y;
                    outflow[v] = share[v] * y;
                }
                if (!cyclic || change < tolerancePerNode * nodes.Length) return;
            }
        }
    }
}
