using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Centrality;

// Del Corso, Gullì & Romani (2005), "Fast PageRank computation via a sparse linear system"; its acyclic
// part in topological order (Kahn 1962, "Topological sorting of large networks").

/// <summary>
/// PageRank over the directed supply network (MAKES enterprise→product, SUPPLIES, INPUT_TO
/// input→product): rank flows downstream to what is made from many inputs and makers.
/// Uniform teleport; a node without out-links spreads its rank uniformly (as NetworkX does).
/// That PageRank is the solution of (I − αPᵀ)y = 1/N scaled to sum 1, and a node's y needs only
/// its sources': a node whose sources are all solved is solved exactly, in topological order, and
/// passes its share on; what is left (cycles and what they feed) is solved by Gauss–Seidel sweeps
/// until the L1 change is below its share of <c>tolerance</c>. On the nearly acyclic supply network
/// that is one O(V + E) pass over the snapshot's own adjacency, with nothing to build.
/// </summary>
public static class PageRank
{
    public static double[] Compute(GraphSnapshot snapshot, SupplyMembers members, double alpha = 0.85, double tolerance = 1e-12, int maxIterations = 1000)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(members);
        var outgoing = Array.ConvertAll(SupplyMembers.Types, snapshot.Out);
        var dense = members.Dense;
        // By snapshot index: y, the share of its y a node passes on per link (α / out-degree), and how many sources it waits for.
        var y = new double[snapshot.NodeCount];
        var share = new double[snapshot.NodeCount];
        var waiting = new int[snapshot.NodeCount];
        foreach (var v in members.Nodes)
        {
            var degree = 0;
            foreach (var links in outgoing)
                foreach (var w in links.Neighbours(v))
                    if (dense[w] >= 0)
                    {
                        degree++;
                        waiting[w]++;
                    }
            share[v] = degree > 0 ? alpha / degree : 0;
        }
        var teleport = 1.0 / members.Count;
        var solved = GC.AllocateUninitializedArray<int>(members.Count);
        var count = 0;
        foreach (var v in members.Nodes)
        {
            y[v] = teleport;
            if (waiting[v] == 0) solved[count++] = v;
        }
        for (var next = 0; next < count; next++)
        {
            var v = solved[next];
            var outflow = share[v] * y[v];
            foreach (var links in outgoing)
                foreach (var w in links.Neighbours(v))
                    if (dense[w] >= 0)
                    {
                        y[w] += outflow;
                        if (--waiting[w] == 0) solved[count++] = w;
                    }
        }
        if (count < members.Count) SolveCycles(snapshot, members, y, share, waiting, tolerance, maxIterations);
        var rank = new double[members.Count];
        var sum = 0.0;
        foreach (var v in members.Nodes) sum += y[v];
        for (var i = 0; i < rank.Length; i++) rank[i] = y[members.Nodes[i]] / sum;
        return rank;
    }

    /// <summary>
    /// The nodes still waiting for a source, whose y so far holds the teleport and what solved sources
    /// passed on: Gauss–Seidel over their links from one another, that part fixed.
    /// </summary>
    static void SolveCycles(GraphSnapshot snapshot, SupplyMembers members, double[] y, double[] share, int[] waiting, double tolerance, int maxIterations)
    {
        var incoming = Array.ConvertAll(SupplyMembers.Types, snapshot.In);
        var left = members.Nodes.Where(v => waiting[v] > 0).ToArray();
        var settled = left.Select(v => y[v]).ToArray();
        var bound = tolerance * left.Length / members.Count;
        for (var sweep = 0; sweep < maxIterations; sweep++)
        {
            var change = 0.0;
            for (var i = 0; i < left.Length; i++)
            {
                var v = left[i];
                var next = settled[i];
                foreach (var links in incoming)
                    foreach (var u in links.Neighbours(v))
                        if (waiting[u] > 0) next += share[u] * y[u];
                change += Math.Abs(next - y[v]);
                y[v] = next;
            }
            if (change < bound) return;
        }
    }
}
