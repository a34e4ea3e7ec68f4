using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Dominators;

// Cooper, Harvey & Kennedy (2001), "A Simple, Fast Dominance Algorithm".

/// <summary>
/// Dominators over INPUT_TO: a virtual source feeds every product with no input; X dominates
/// Y when every INPUT_TO path from the source to Y passes through X. Iterates to a fixed point
/// over reverse postorder, near-linear on real chains; the DFS is iterative.
/// </summary>
public static class DominatorAnalysis
{
    public static DominatorTree Compute(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var inputs = snapshot.In(RelType.InputTo);
        var outputs = snapshot.Out(RelType.InputTo);
        var n = snapshot.NodeCount;
        var source = n;
        var order = ReversePostorder(snapshot, outputs, source, out var position);

        var idom = new int[n + 1];
        Array.Fill(idom, -1);
        idom[source] = source;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 1; i < order.Length; i++)
            {
                var v = order[i];
                var preds = inputs.Neighbours(v);
                var best = preds.IsEmpty ? source : -1;
                foreach (var p in preds)
                {
                    if (idom[p] < 0) continue;
                    best = best < 0 ? p : Intersect(p, best, idom, position);
                }
                if (best >= 0 && idom[v] != best)
                {
                    idom[v] = best;
                    changed = true;
                }
            }
        }

        // Each node appears after its immediate dominator in reverse postorder, so one backward pass sums subtrees.
        var size = new int[n + 1];
        for (var i = order.Length - 1; i > 0; i--)
        {
            var v = order[i];
            size[v]++;
            size[idom[v]] += size[v];
        }
        var dominates = new int[n];
        for (var i = 1; i < order.Length; i++) dominates[order[i]] = size[order[i]] - 1;
        var immediate = new int[n];
        for (var v = 0; v < n; v++) immediate[v] = idom[v] == source ? DominatorTree.Source : idom[v];
        return new DominatorTree(immediate, dominates, order.Length - 1);
    }

    /// <summary>A product with no input: the virtual source feeds it.</summary>
    public static bool IsEntry(GraphSnapshot snapshot, int v)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Labels[v] == NodeLabel.Product && snapshot.In(RelType.InputTo).Degree(v) == 0;
    }

    static int Intersect(int a, int b, int[] idom, int[] position)
    {
        // position is the postorder number: the source has the highest, and walking up the tree raises it.
        while (a != b)
        {
            while (position[a] < position[b]) a = idom[a];
            while (position[b] < position[a]) b = idom[b];
        }
        return a;
    }

    /// <summary>Products reachable from the virtual source, source first, in reverse postorder.</summary>
    static int[] ReversePostorder(GraphSnapshot snapshot, CsrAdjacency outputs, int source, out int[] position)
    {
        var n = snapshot.NodeCount;
        var visited = new bool[n];
        var postorder = new int[n + 1];
        var count = 0;
        // The search path, and the position of each node's next output to follow.
        var path = new int[n];
        var next = new int[n];
        for (var root = 0; root < n; root++)
        {
            if (!IsEntry(snapshot, root) || visited[root]) continue;
            visited[root] = true;
            var depth = 0;
            path[depth++] = root;
            while (depth > 0)
            {
                var v = path[depth - 1];
                var outs = outputs.Neighbours(v);
                if (next[v] == outs.Length)
                {
                    postorder[count++] = v;
                    depth--;
                    continue;
                }
                var w = outs[next[v]++];
                if (visited[w]) continue;
                visited[w] = true;
                path[depth++] = w;
            }
        }
        postorder[count++] = source;
        position = new int[n + 1];
        Array.Fill(position, -1);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[count - 1 - i] = postorder[i];
            position[postorder[i]] = i;
        }
        return order;
    }
}

/// <summary>
/// Immediate dominator per node index (<see cref="Source"/> for the virtual source, -1 when
/// unreachable or not a product) and how many products each strictly dominates.
/// </summary>
public sealed record DominatorTree(int[] ImmediateDominator, int[] Dominates, int ReachableProducts)
{
    public const int Source = -2;
}
