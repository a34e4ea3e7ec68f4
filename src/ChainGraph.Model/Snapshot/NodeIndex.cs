using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Node index by id: a frozen dictionary built with the snapshot, and the ids later versions
/// added, moved or removed in a small persistent overlay. Once the overlay outgrows a sixteenth of
/// the nodes it is folded into a new frozen dictionary, so a write costs amortised O(1) lookups' worth.
/// </summary>
internal sealed class NodeIndex
{
    const int Removed = -1;
    const int SmallestFold = 1024;

    readonly FrozenDictionary<string, int> frozen;
    readonly ImmutableDictionary<string, int> overlay;

    NodeIndex(FrozenDictionary<string, int> frozen, ImmutableDictionary<string, int> overlay)
    {
        this.frozen = frozen;
        this.overlay = overlay;
    }

    public static NodeIndex Of(NodeColumn<string> ids) =>
        new(Enumerable.Range(0, ids.Count).ToFrozenDictionary(v => ids[v], StringComparer.Ordinal),
            ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));

    public bool TryGetValue(string id, out int node)
    {
        if (overlay.TryGetValue(id, out node)) return node != Removed;
        return frozen.TryGetValue(id, out node);
    }

    /// <summary>This index with each id moved to its new node, or removed where the node is null.</summary>
    /// <param name="ids">Every id of the next version, by node: what a fold reads.</param>
    public NodeIndex With(IReadOnlyDictionary<string, int?> moves, NodeColumn<string> ids)
    {
        if (moves.Count == 0) return this;
        if (overlay.Count + moves.Count > Math.Max(SmallestFold, ids.Count / 16)) return Of(ids);
        var next = overlay.ToBuilder();
        foreach (var (id, node) in moves) next[id] = node ?? Removed;
        return new NodeIndex(frozen, next.ToImmutable());
    }
}
