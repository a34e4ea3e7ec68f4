namespace ChainGraph.Analysis.Structure;

// Hopcroft & Tarjan (1973), "Algorithm 447: efficient algorithms for graph manipulation", made iterative.

/// <summary>
/// Articulation points (nodes whose removal disconnects their component) and bridges (edges
/// whose removal does) of an undirected network, in O(V + E) with an explicit stack, so a
/// chain a million nodes deep does not overflow the call stack.
/// </summary>
public static class ArticulationPoints
{
    public static StructuralWeakPoints Find(UndirectedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.NodeCount;
        var discovered = new int[n];
        var low = new int[n];
        var parent = new int[n];
        var next = new int[n];
        var isArticulation = new bool[n];
        var bridges = new List<(int, int)>();
        var stack = new int[n];
        var time = 0;
        Array.Fill(discovered, -1);

        for (var root = 0; root < n; root++)
        {
            if (discovered[root] >= 0 || network.Offsets[root] == network.Offsets[root + 1]) continue;
            var rootChildren = 0;
            var top = 0;
            stack[top++] = root;
            parent[root] = -1;
            discovered[root] = low[root] = time++;
            next[root] = network.Offsets[root];
            while (top > 0)
            {
                var v = stack[top - 1];
                if (next[v] < network.Offsets[v + 1])
                {
                    var w = network.Targets[next[v]++];
                    if (discovered[w] < 0)
                    {
                        parent[w] = v;
                        discovered[w] = low[w] = time++;
                        next[w] = network.Offsets[w];
                        stack[top++] = w;
                        if (v == root) rootChildren++;
                    }
                    else if (w != parent[v])
                    {
                        low[v] = Math.Min(low[v], discovered[w]);
                    }
                    continue;
                }
                top--;
                var p = parent[v];
                if (p < 0) continue;
                low[p] = Math.Min(low[p], low[v]);
                if (low[v] >= discovered[p] && p != root) isArticulation[p] = true;
                if (low[v] > discovered[p]) bridges.Add((Math.Min(p, v), Math.Max(p, v)));
            }
            if (rootChildren > 1) isArticulation[root] = true;
        }
        return new StructuralWeakPoints(isArticulation, bridges);
    }
}

/// <summary>The result: a flag per node index, and the bridges as (smaller, larger) index pairs.</summary>
public sealed record StructuralWeakPoints(bool[] IsArticulation, IReadOnlyList<(int A, int B)> Bridges)
{
    public IEnumerable<int> Points => Enumerable.Range(0, IsArticulation.Length).Where(i => IsArticulation[i]);
}
