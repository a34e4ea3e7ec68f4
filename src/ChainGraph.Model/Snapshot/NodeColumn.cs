using System.Collections;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// One attribute of every node, indexed by node, kept in chunks of <see cref="Chunks.Size"/>: the
/// next version of a snapshot copies only the chunks its change touches and shares the rest, so a
/// write costs a chunk, not the column.
/// </summary>
public sealed class NodeColumn<T> : IReadOnlyList<T>
{
    readonly T[][] chunks;

    internal NodeColumn(T[][] chunks, int count)
    {
        this.chunks = chunks;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The node's value; <paramref name="node"/> must be below <see cref="Count"/>.</summary>
    public T this[int node] => chunks[node >> Chunks.Bits][node & Chunks.Mask];

    internal static NodeColumn<T> From(int count, Func<int, T> value)
    {
        var chunks = new T[Chunks.For(count)][];
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = chunks[c] = new T[Chunks.Size];
            var start = c << Chunks.Bits;
            for (var i = 0; i < Chunks.Size && start + i < count; i++) chunk[i] = value(start + i);
        }
        return new NodeColumn<T>(chunks, count);
    }

    internal static NodeColumn<T> From(T[] values)
    {
        var chunks = new T[Chunks.For(values.Length)][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new T[Chunks.Size];
            var start = c << Chunks.Bits;
            Array.Copy(values, start, chunks[c], 0, Math.Min(Chunks.Size, values.Length - start));
        }
        return new NodeColumn<T>(chunks, values.Length);
    }

    internal Editor Edit() => new(this);

    public IEnumerator<T> GetEnumerator()
    {
        for (var v = 0; v < Count; v++) yield return this[v];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Changes for the next version: a chunk is copied the first time one of its nodes changes.</summary>
    internal sealed class Editor
    {
        T[][] chunks;
        readonly bool[] copied;

        public Editor(NodeColumn<T> column)
        {
            chunks = (T[][])column.chunks.Clone();
            copied = new bool[chunks.Length];
            Count = column.Count;
        }

        public int Count { get; private set; }

        public T this[int node]
        {
            get => chunks[node >> Chunks.Bits][node & Chunks.Mask];
            set => Writable(node >> Chunks.Bits)[node & Chunks.Mask] = value;
        }

        public void Add(T value)
        {
            if (Count >> Chunks.Bits == chunks.Length)
            {
                Array.Resize(ref chunks, chunks.Length + 1);
                chunks[^1] = new T[Chunks.Size];
            }
            this[Count++] = value;
        }

        /// <summary>Drops the last node (after it was moved into a deleted one's place).</summary>
        public void RemoveLast() => this[--Count] = default!;

        public NodeColumn<T> Build() => new(chunks, Count);

        T[] Writable(int chunk)
        {
            // A chunk added by this edit is this edit's own; a shared one is copied once.
            if (chunk < copied.Length && !copied[chunk])
            {
                chunks[chunk] = (T[])chunks[chunk].Clone();
                copied[chunk] = true;
            }
            return chunks[chunk];
        }
    }
}

/// <summary>How nodes are grouped into chunks, for node columns and adjacency alike.</summary>
internal static class Chunks
{
    public const int Bits = 12;

    public const int Size = 1 << Bits;

    public const int Mask = Size - 1;

    public static int For(int nodeCount) => (nodeCount + Mask) >> Bits;
}
