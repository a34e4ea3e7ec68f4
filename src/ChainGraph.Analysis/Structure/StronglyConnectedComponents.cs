namespace ChainGraph.Analysis.Structure;

// Tarjan (1972), "Depth-first search and linear graph algorithms", made iterative.

/// <summary>
/// Strongly connected components of a directed graph given by its predecessor lists (CSR), handed
/// to a visitor in topological order: a component comes after every component with a link into it,
/// because Tarjan's search emits a component only after all it reaches, here through predecessors.
/// O(V + E), no recursion; the visitor is a struct so that its call is inlined.
/// </summary>
internal static class StronglyConnectedComponents
{
    public interface IVisitor
    {
        void Component(ReadOnlySpan<int> nodes);
    }

    public static void InTopologicalOrder<TVisitor>(int[] offsets, int[] predecessors, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var n = offsets.Length - 1;
        // index[v]: discovery time, -1 before, int.MaxValue once v's component is emitted (so it lowers no link).
        // Written before they are read: no need to clear them.
        var index = GC.AllocateUninitializedArray<int>(n);
        var low = GC.AllocateUninitializedArray<int>(n);
        var next = GC.AllocateUninitializedArray<int>(n);
        var path = GC.AllocateUninitializedArray<int>(n);
        var open = GC.AllocateUninitializedArray<int>(n);
        int time = 0, openCount = 0;
        Array.Fill(index, -1);
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            var depth = 0;
            path[depth++] = root;
            index[root] = low[root] = time++;
            next[root] = offsets[root];
            open[openCount++] = root;
            while (depth > 0)
            {
                var v = path[depth - 1];
                if (next[v] < offsets[v + 1])
                {
                    var u = predecessors[next[v]++];
                    if (index[u] < 0)
                    {
                        index[u] = low[u] = time++;
                        next[u] = offsets[u];
                        path[depth++] = u;
                        open[openCount++] = u;
                    }
                    else if (index[u] < low[v])
                    {
                        low[v] = index[u];
                    }
                    continue;
                }
                depth--;
                if (depth > 0 && low[v] < low[path[depth - 1]]) low[path[depth - 1]] = low[v];
                if (low[v] != index[v]) continue;
                var first = openCount - 1;
                while (open[first] != v) first--;
                visitor.Component(open.AsSpan(first, openCount - first));
                for (var i = first; i < openCount; i++) index[open[i]] = int.MaxValue;
                openCount = first;
            }
        }
    }
}
