namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Compressed sparse row adjacency of one relationship type in one direction, in blocks of
/// <see cref="Chunks.Size"/> nodes: each block is a small CSR (offsets, neighbours, a weight each,
/// NaN when unknown). The next version of a snapshot rebuilds only the blocks whose nodes it
/// changes and shares the rest.
/// </summary>
public sealed class CsrAdjacency
{
    readonly Block[] blocks;

    CsrAdjacency(Block[] blocks, int edgeCount)
    {
        this.blocks = blocks;
        EdgeCount = edgeCount;
    }

    public int EdgeCount { get; }

    public int Degree(int node)
    {
        var offsets = blocks[node >> Chunks.Bits].Offsets;
        var i = node & Chunks.Mask;
        return offsets[i + 1] - offsets[i];
    }

    public ReadOnlySpan<int> Neighbours(int node)
    {
        var block = blocks[node >> Chunks.Bits];
        var i = node & Chunks.Mask;
        return block.Targets.AsSpan(block.Offsets[i], block.Offsets[i + 1] - block.Offsets[i]);
    }

    public ReadOnlySpan<float> WeightsOf(int node)
    {
        var block = blocks[node >> Chunks.Bits];
        var i = node & Chunks.Mask;
        return block.Weights.AsSpan(block.Offsets[i], block.Offsets[i + 1] - block.Offsets[i]);
    }

    /// <summary>Builds both directions from an edge list in O(V + E) with a counting sort, keeping the list's order per node.</summary>
    internal static (CsrAdjacency Outgoing, CsrAdjacency Incoming) Build(int nodeCount, ReadOnlySpan<int> sources,
        ReadOnlySpan<int> targets, ReadOnlySpan<float> weights) =>
        (Sort(nodeCount, sources, targets, weights), Sort(nodeCount, targets, sources, weights));

    static CsrAdjacency Sort(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<float> weights)
    {
        var blocks = new Block[Chunks.For(nodeCount)];
        var degrees = new int[blocks.Length << Chunks.Bits];
        foreach (var v in from) degrees[v]++;
        // Each node's next free slot in its block, starting at its offset.
        var next = new int[degrees.Length];
        for (var b = 0; b < blocks.Length; b++)
        {
            var offsets = new int[Chunks.Size + 1];
            for (var i = 0; i < Chunks.Size; i++)
            {
                var v = (b << Chunks.Bits) + i;
                next[v] = offsets[i];
                offsets[i + 1] = offsets[i] + degrees[v];
            }
            blocks[b] = new Block(offsets, new int[offsets[^1]], new float[offsets[^1]]);
        }
        for (var e = 0; e < from.Length; e++)
        {
            var block = blocks[from[e] >> Chunks.Bits];
            var slot = next[from[e]]++;
            block.Targets[slot] = to[e];
            block.Weights[slot] = weights[e];
        }
        return new CsrAdjacency(blocks, from.Length);
    }

    internal Editor Edit() => new(this);

    internal int BlockCount => blocks.Length;

    internal Block BlockAt(int index) => blocks[index];

    internal static CsrAdjacency FromBlocks(Block[] blocks) => new(blocks, blocks.Sum(b => b.Targets.Length));

    /// <summary>The nodes of one block: node i's neighbours are Targets[Offsets[i]..Offsets[i + 1]].</summary>
    internal sealed record Block(int[] Offsets, int[] Targets, float[] Weights);

    /// <summary>
    /// Changes for the next version: the nodes whose neighbours change get their own lists, and
    /// <see cref="Build"/> rebuilds just their blocks, in time proportional to those blocks' edges.
    /// </summary>
    internal sealed class Editor(CsrAdjacency adjacency)
    {
        readonly Dictionary<int, List<(int Node, float Weight)>> changed = [];
        readonly HashSet<int> unordered = [];
        int nodeCount = adjacency.blocks.Length << Chunks.Bits;

        /// <summary>Makes room for nodes added to the snapshot.</summary>
        public void Grow(int nodes) => nodeCount = Math.Max(nodeCount, nodes);

        /// <summary>The node's neighbours, in order, as this edit leaves them.</summary>
        public List<(int Node, float Weight)> Of(int node)
        {
            if (changed.TryGetValue(node, out var list)) return list;
            list = [];
            if (node >> Chunks.Bits < adjacency.blocks.Length)
            {
                var targets = adjacency.Neighbours(node);
                var weights = adjacency.WeightsOf(node);
                for (var i = 0; i < targets.Length; i++)
                {
                    if (i > 0 && targets[i] <= targets[i - 1]) unordered.Add(node);
                    list.Add((targets[i], weights[i]));
                }
            }
            changed.Add(node, list);
            return list;
        }

        /// <summary>
        /// Adds the neighbour, or sets its weight (null keeps the one it has; a new one then has NaN).
        /// A new neighbour goes where a store's ordered read puts it, so the result equals the snapshot a reload builds.
        /// </summary>
        public void Set(int node, int neighbour, float? weight)
        {
            var list = Of(node);
            var (at, found) = Find(node, list, neighbour);
            if (found)
            {
                if (weight is { } w) list[at] = (neighbour, w);
            }
            else list.Insert(at, (neighbour, weight ?? float.NaN));
        }

        public bool Remove(int node, int neighbour)
        {
            var list = Of(node);
            var (at, found) = Find(node, list, neighbour);
            if (found) list.RemoveAt(at);
            return found;
        }

        /// <summary>
        /// Where the neighbour is, or where it goes: by binary search in a list in node order (what a
        /// store loads, and what every edit keeps), so many edits to a hub cost O(log d) each to find;
        /// a list built in another order is searched through.
        /// </summary>
        (int At, bool Found) Find(int node, List<(int Node, float Weight)> list, int neighbour)
        {
            if (unordered.Contains(node))
                return list.FindIndex(n => n.Node == neighbour) is >= 0 and var at ? (at, true) : (list.Count, false);
            var (low, high) = (0, list.Count);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (list[middle].Node < neighbour) low = middle + 1;
                else high = middle;
            }
            return (low, low < list.Count && list[low].Node == neighbour);
        }

        public CsrAdjacency Build()
        {
            var old = adjacency.blocks;
            if (changed.Count == 0 && Chunks.For(nodeCount) <= old.Length) return adjacency;
            var blocks = new Block[Math.Max(Chunks.For(nodeCount), old.Length)];
            old.CopyTo(blocks, 0);
            blocks.AsSpan(old.Length).Fill(Empty);
            foreach (var b in changed.Keys.Select(v => v >> Chunks.Bits).Distinct()) blocks[b] = Rebuild(b, blocks[b]);
            return new CsrAdjacency(blocks, blocks.Sum(b => b.Targets.Length));
        }

        Block Rebuild(int b, Block old)
        {
            var offsets = new int[Chunks.Size + 1];
            for (var i = 0; i < Chunks.Size; i++)
            {
                var v = (b << Chunks.Bits) + i;
                offsets[i + 1] = offsets[i] + (changed.TryGetValue(v, out var list) ? list.Count : old.Offsets[i + 1] - old.Offsets[i]);
            }
            var targets = new int[offsets[^1]];
            var weights = new float[offsets[^1]];
            for (var i = 0; i < Chunks.Size; i++)
            {
                var v = (b << Chunks.Bits) + i;
                if (changed.TryGetValue(v, out var list))
                {
                    for (var k = 0; k < list.Count; k++) (targets[offsets[i] + k], weights[offsets[i] + k]) = list[k];
                }
                else
                {
                    var length = old.Offsets[i + 1] - old.Offsets[i];
                    Array.Copy(old.Targets, old.Offsets[i], targets, offsets[i], length);
                    Array.Copy(old.Weights, old.Offsets[i], weights, offsets[i], length);
                }
            }
            return new Block(offsets, targets, weights);
        }
    }

    static readonly Block Empty = new(new int[Chunks.Size + 1], [], []);
}
