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

    /// <summary>A node's search state, together so that a visit touches one cache line.</summary>
    struct Visit
    {
        /// <summary>Discovery time + 1: 0 before, int.MaxValue once the node's component is emitted (so it lowers no link).</summary>
        public int Index;
        public int Low;
        public int Next;
    }

    public static void InTopologicalOrder<TVisitor>(int[] offsets, int[] predecessors, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var n = offsets.Length - 1;
        var state = new Visit[n];
        // Both stacks are written before they are read: no need to clear them.
        var path = GC.AllocateUninitializedArray<int>(n);
        var open = GC.AllocateUninitializedArray<int>(n);
        int time = 0, openCount = 0;
        for (var root = 0; root < n; root++)
        {
            if (state[root].Index != 0) continue;
            var depth = 0;
            path[depth++] = root;
            state[root] = new Visit { Index = ++time, Low = time, Next = offsets[root] };
            open[openCount++] = root;
            while (depth > 0)
            {
                var v = path[depth - 1];
                ref var visit = ref state[v];
                if (visit.Next < offsets[v + 1])
                {
                    var u = predecessors[visit.Next++];
                    ref var other = ref state[u];
                    if (other.Index == 0)
                    {
                        other = new Visit { Index = ++time, Low = time, Next = offsets[u] };
                        path[depth++] = u;
                        open[openCount++] = u;
                    }
                    else if (other.Index < visit.Low)
                    {
                        visit.Low = other.Index;
                    }
                    continue;
                }
                depth--;
                if (depth > 0 && visit.Low < state[path[depth - 1]].Low) state[path[depth - 1]].Low = visit.Low;
                if (visit.Low != visit.Index) continue;
                var first = openCount - 1;
                while (open[first] != v) first--;
                visitor.Component(open.AsSpan(first, openCount - first));
                for (var i = first; i < openCount; i++) state[open[i]].Index = int.MaxValue;
                openCount = first;
            }
        }
    }
}
