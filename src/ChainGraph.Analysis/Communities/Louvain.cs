using ChainGraph.Analysis.Structure;

namespace ChainGraph.Analysis.Communities;

// Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of communities in large networks".

/// <summary>
/// Louvain modularity maximisation on an undirected network: move nodes to the neighbouring
/// community with the best modularity gain until nothing moves (revisiting only the neighbours
/// of nodes that moved), aggregate communities into nodes, repeat while modularity rises. Nodes
/// are first visited in a seeded random order, as NetworkX does. Returns a community number per
/// node, numbered by decreasing size.
/// </summary>
public static class Louvain
{
    public static int[] Communities(UndirectedNetwork network, double resolution = 1.0, int seed = 42, double threshold = 1e-7,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var level = Level.From(network);
        var membership = Enumerable.Range(0, network.NodeCount).ToArray();
        var random = new Random(seed);
        var modularity = level.Modularity(Enumerable.Range(0, level.Count).ToArray(), resolution);
        while (true)
        {
            var community = level.MoveNodes(resolution, random, cancellationToken);
            var improved = level.Modularity(community, resolution);
            if (improved - modularity <= threshold) break;
            modularity = improved;
            var renumbered = Renumber(community);
            for (var v = 0; v < membership.Length; v++) membership[v] = renumbered[membership[v]];
            level = level.Aggregate(renumbered, renumbered.Max() + 1);
        }
        return BySize(membership);
    }

    /// <summary>Newman's modularity Q = Σ_c [L_c/m − γ(d_c/2m)²] of a partition of the network.</summary>
    public static double Modularity(UndirectedNetwork network, int[] community, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(community);
        return Level.From(network).Modularity(community, resolution);
    }

    static int[] Renumber(int[] community)
    {
        var ids = new Dictionary<int, int>();
        return community.Select(c => ids.TryGetValue(c, out var id) ? id : ids[c] = ids.Count).ToArray();
    }

    static int[] BySize(int[] membership)
    {
        var order = membership.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select((g, rank) => (g.Key, rank)).ToDictionary(p => p.Key, p => p.rank);
        return membership.Select(c => order[c]).ToArray();
    }

    /// <summary>One level of the hierarchy: a weighted graph (CSR, self-loops kept as a separate weight).</summary>
    sealed class Level(int[] offsets, int[] targets, double[] weights, double[] selfLoops)
    {
        readonly double[] degree = ComputeDegrees(offsets, weights, selfLoops);

        public int Count => offsets.Length - 1;

        double TwoM => degree.Sum();

        public static Level From(UndirectedNetwork network) =>
            new(network.Offsets, network.Targets, Enumerable.Repeat(1.0, network.Targets.Length).ToArray(), new double[network.NodeCount]);

        static double[] ComputeDegrees(int[] offsets, double[] weights, double[] selfLoops)
        {
            var degree = new double[offsets.Length - 1];
            for (var v = 0; v < degree.Length; v++)
            {
                for (var e = offsets[v]; e < offsets[v + 1]; e++) degree[v] += weights[e];
                degree[v] += 2 * selfLoops[v];
            }
            return degree;
        }

        public double Modularity(int[] community, double resolution)
        {
            var twoM = TwoM;
            if (twoM == 0) return 0;
            var inside = new Dictionary<int, double>();
            var total = new Dictionary<int, double>();
            for (var v = 0; v < Count; v++)
            {
                var c = community[v];
                total[c] = total.GetValueOrDefault(c) + degree[v];
                inside[c] = inside.GetValueOrDefault(c) + 2 * selfLoops[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    if (community[targets[e]] == c) inside[c] += weights[e];
            }
            // inside counts each internal edge from both ends: 2·L_c.
            return total.Keys.Sum(c => inside.GetValueOrDefault(c) / twoM - resolution * (total[c] / twoM) * (total[c] / twoM));
        }

        public int[] MoveNodes(double resolution, Random random, CancellationToken cancellationToken)
        {
            var community = Enumerable.Range(0, Count).ToArray();
            var total = (double[])degree.Clone();
            var twoM = TwoM;
            var order = Enumerable.Range(0, Count).ToArray();
            random.Shuffle(order);
            // Weights from the current node to each neighbouring community, reset through the touched list (no per-node allocation).
            var weightTo = new double[Count];
            var touched = new List<int>();
            // Fast local moving (Traag, Waltman & van Eck 2019): after the first sweep only the neighbours of a node
            // that moved are looked at again, instead of sweeping every node until a sweep moves none.
            var queue = new Queue<int>(order);
            var queued = new bool[Count];
            Array.Fill(queued, true);
            var checkedAt = 0;
            while (queue.TryDequeue(out var v))
            {
                // A pass over a million nodes takes seconds: a caller that gave up stops it.
                if (++checkedAt % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
                queued[v] = false;
                if (offsets[v] == offsets[v + 1]) continue;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var c = community[targets[e]];
                    if (weightTo[c] == 0) touched.Add(c);
                    weightTo[c] += weights[e];
                }
                var own = community[v];
                total[own] -= degree[v];
                var best = own;
                var bestGain = weightTo[own] - resolution * total[own] * degree[v] / twoM;
                foreach (var c in touched)
                {
                    var gain = weightTo[c] - resolution * total[c] * degree[v] / twoM;
                    if (gain > bestGain) (best, bestGain) = (c, gain);
                }
                foreach (var c in touched) weightTo[c] = 0;
                touched.Clear();
                total[best] += degree[v];
                if (best == own) continue;
                community[v] = best;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var n = targets[e];
                    if (queued[n] || community[n] == best) continue;
                    queued[n] = true;
                    queue.Enqueue(n);
                }
            }
            return community;
        }

        public Level Aggregate(int[] community, int count)
        {
            var edges = new Dictionary<(int, int), double>();
            var loops = new double[count];
            for (var v = 0; v < Count; v++)
            {
                loops[community[v]] += selfLoops[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var (a, b) = (community[v], community[targets[e]]);
                    // Each undirected edge appears from both ends: an internal one adds half its weight twice.
                    if (a == b) loops[a] += weights[e] / 2;
                    else edges[(a, b)] = edges.GetValueOrDefault((a, b)) + weights[e];
                }
            }
            var newOffsets = new int[count + 1];
            foreach (var ((a, _), _) in edges) newOffsets[a + 1]++;
            for (var i = 0; i < count; i++) newOffsets[i + 1] += newOffsets[i];
            var fill = newOffsets[..count].ToArray();
            var newTargets = new int[edges.Count];
            var newWeights = new double[edges.Count];
            foreach (var ((a, b), w) in edges.OrderBy(p => p.Key))
            {
                newTargets[fill[a]] = b;
                newWeights[fill[a]++] = w;
            }
            return new Level(newOffsets, newTargets, newWeights, loops);
        }
    }
}
