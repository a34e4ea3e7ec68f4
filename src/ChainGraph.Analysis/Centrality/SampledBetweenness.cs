using ChainGraph.Analysis.Structure;

namespace ChainGraph.Analysis.Centrality;

// Brandes (2001), "A faster algorithm for betweenness centrality", with sampled sources
// (Brandes & Pich 2007, "Centrality estimation in large networks").

/// <summary>
/// Approximate betweenness of the undirected supply network: Brandes' dependency accumulation
/// from <c>samples</c> sources drawn at random (seeded), scaled by V/samples. O(samples·(V + E)).
/// The estimate is unbiased; its relative error for a node falls as 1/√samples and is smallest
/// for the high-betweenness brokers the ranking is for; with every linked node as a source it is
/// exact. Normalised like NetworkX's betweenness_centrality: divided by (V−1)(V−2).
/// </summary>
public static class SampledBetweenness
{
    public static double[] Compute(UndirectedNetwork network, int samples, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.NodeCount;
        var centrality = new double[n];
        if (n < 3) return centrality;
        var (sources, population) = Sources(network, samples, seed);
        var sigma = new double[n];
        var distance = new int[n];
        var delta = new double[n];
        var order = new int[n];
        foreach (var s in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Fill(distance, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            sigma[s] = 1;
            distance[s] = 0;
            int head = 0, tail = 0;
            order[tail++] = s;
            while (head < tail)
            {
                var v = order[head++];
                foreach (var w in network.Neighbours(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        order[tail++] = w;
                    }
                    if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
                }
            }
            for (var i = tail - 1; i > 0; i--)
            {
                var w = order[i];
                foreach (var v in network.Neighbours(w))
                    if (distance[v] == distance[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                centrality[w] += delta[w];
            }
        }
        // Sources are drawn from nodes with links (the others add nothing): scale the sample up to them.
        var scale = (double)population / Math.Max(1, sources.Count) / ((n - 1.0) * (n - 2.0));
        for (var v = 0; v < n; v++) centrality[v] *= scale;
        return centrality;
    }

    static (List<int> Sources, int Population) Sources(UndirectedNetwork network, int samples, int seed)
    {
        var linked = Enumerable.Range(0, network.NodeCount).Where(v => network.Neighbours(v).Length > 0).ToArray();
        new Random(seed).Shuffle(linked);
        return (linked.Take(Math.Min(samples, linked.Length)).ToList(), linked.Length);
    }
}
