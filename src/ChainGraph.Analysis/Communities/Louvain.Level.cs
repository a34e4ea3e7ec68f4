using ChainGraph.Analysis.Structure;

namespace ChainGraph.Analysis.Communities;

public static partial class Louvain
{
    /// <summary>One level of the hierarchy: a weighted graph (CSR, self-loops kept as a separate weight).</summary>
    sealed class Level
    {
        readonly int[] offsets;
        readonly int[] targets;
        readonly double[] weights;
        readonly double[] selfLoops;
        readonly double[] degree;
        readonly double twoM;

        Level(int[] offsets, int[] targets, double[] weights, double[] selfLoops)
        {
            (this.offsets, this.targets, this.weights, this.selfLoops) = (offsets, targets, weights, selfLoops);
            degree = new double[Count];
            for (var v = 0; v < Count; v++)
            {
                for (var e = offsets[v]; e < offsets[v + 1]; e++) degree[v] += weights[e];
                degree[v] += 2 * selfLoops[v];
                twoM += degree[v];
            }
        }

        public int Count => offsets.Length - 1;

        public static Level From(UndirectedNetwork network)
        {
            var weights = new double[network.Targets.Length];
            Array.Fill(weights, 1.0);
            return new(network.Offsets, network.Targets, weights, new double[network.NodeCount]);
        }

        /// <summary>The modularity of a partition numbered 0..Count−1.</summary>
        public double Modularity(int[] community, double resolution)
        {
            if (twoM == 0) return 0;
            // inside counts each internal edge from both ends: 2·L_c.
            var inside = new double[Count];
            var total = new double[Count];
            for (var v = 0; v < Count; v++)
            {
                var c = community[v];
                total[c] += degree[v];
                inside[c] += 2 * selfLoops[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    if (community[targets[e]] == c) inside[c] += weights[e];
            }
            var q = 0.0;
            for (var c = 0; c < Count; c++) q += inside[c] / twoM - resolution * (total[c] / twoM) * (total[c] / twoM);
            return q;
        }

        /// <summary>Moves single nodes from the given partition (numbered 0..Count−1, changed in place) until none gains by moving.</summary>
        public int[] MoveNodes(int[] community, double resolution, Random random, CancellationToken cancellationToken)
        {
            var total = new double[Count];
            for (var v = 0; v < Count; v++) total[community[v]] += degree[v];
            // Weights from the current node to each neighbouring community, reset through the touched ones.
            var weightTo = new double[Count];
            var touched = new int[Count];
            // Fast local moving (Traag, Waltman & van Eck 2019): after the first sweep only the neighbours of a node
            // that moved are looked at again, instead of sweeping every node until a sweep moves none.
            var queue = Identity(Count);
            random.Shuffle(queue);
            var queued = new bool[Count];
            Array.Fill(queued, true);
            int head = 0, waiting = Count, checkedCount = 0;
            while (waiting > 0)
            {
                // A pass over a million nodes takes seconds: a caller that gave up stops it.
                if (++checkedCount % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
                var v = queue[head];
                head = head + 1 == Count ? 0 : head + 1;
                waiting--;
                queued[v] = false;
                if (offsets[v] == offsets[v + 1]) continue;
                var touchedCount = 0;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var c = community[targets[e]];
                    if (weightTo[c] == 0) touched[touchedCount++] = c;
                    weightTo[c] += weights[e];
                }
                var own = community[v];
                total[own] -= degree[v];
                var best = own;
                var bestGain = weightTo[own] - resolution * total[own] * degree[v] / twoM;
                foreach (var c in touched.AsSpan(0, touchedCount))
                {
                    var gain = weightTo[c] - resolution * total[c] * degree[v] / twoM;
                    if (gain > bestGain) (best, bestGain) = (c, gain);
                    weightTo[c] = 0;
                }
                total[best] += degree[v];
                if (best == own) continue;
                community[v] = best;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var n = targets[e];
                    if (queued[n] || community[n] == best) continue;
                    queued[n] = true;
                    queue[(head + waiting++) % Count] = n;
                }
            }
            return community;
        }

        /// <summary>The communities (numbered 0..count−1) as the nodes of the next level, their internal weight as self-loops.</summary>
        public Level Aggregate(int[] community, int count)
        {
            var start = new int[count + 1];
            foreach (var c in community) start[c + 1]++;
            for (var c = 0; c < count; c++) start[c + 1] += start[c];
            var fill = start[..count];
            var members = new int[Count];
            for (var v = 0; v < Count; v++) members[fill[community[v]]++] = v;

            var newOffsets = new int[count + 1];
            var newTargets = new int[targets.Length];
            var newWeights = new double[targets.Length];
            var loops = new double[count];
            var weightTo = new double[count];
            var touched = new int[count];
            var write = 0;
            for (var a = 0; a < count; a++)
            {
                var touchedCount = 0;
                foreach (var v in members.AsSpan(start[a], start[a + 1] - start[a]))
                {
                    loops[a] += selfLoops[v];
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var b = community[targets[e]];
                        // Each undirected edge appears from both ends: an internal one adds half its weight twice.
                        if (a == b) loops[a] += weights[e] / 2;
                        else
                        {
                            if (weightTo[b] == 0) touched[touchedCount++] = b;
                            weightTo[b] += weights[e];
                        }
                    }
                }
                foreach (var b in touched.AsSpan(0, touchedCount))
                {
                    newTargets[write] = b;
                    newWeights[write++] = weightTo[b];
                    weightTo[b] = 0;
                }
                newOffsets[a + 1] = write;
            }
            Array.Resize(ref newTargets, write);
            Array.Resize(ref newWeights, write);
            return new Level(newOffsets, newTargets, newWeights, loops);
        }
    }
}
