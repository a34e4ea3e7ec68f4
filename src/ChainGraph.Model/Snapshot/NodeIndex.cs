using System.Collections.Immutable;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Node index by id: a dictionary built with the snapshot and never changed after, and the ids
/// later versions added, moved or removed in a small persistent overlay. Once the overlay outgrows
/// a sixteenth of the nodes it is folded into a new dictionary, so a write costs amortised O(1).
/// (A plain dictionary: a frozen one looks up no faster here and takes several times longer to build.)
/// </summary>
internal sealed class NodeIndex
{
    const int Removed = -1;
    const int SmallestFold = 1024;

    readonly Dictionary<string, int> built; // never written after construction, so safe to share between versions and readers
    readonly ImmutableDictionary<string, int> overlay;

    NodeIndex(Dictionary<string, int> built, ImmutableDictionary<string, int> overlay)
    {
        this.built = built;
        this.overlay = overlay;
    }

    public static NodeIndex Of(NodeColumn<string> ids)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var v = 0; v < ids.Count; v++) index.Add(ids[v], v);
        return new(index, ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));
    }

    public bool TryGetValue(string id, out int node)
    {
        if (overlay.TryGetValue(id, out node)) return node != Removed;
        return built.TryGetValue(id, out node);
    }

    /// <summary>This index with each id moved to its new node, or removed where the node is null.</summary>
    /// <param name="ids">Every id of the next version, by node: what a fold reads.</param>
    public NodeIndex With(IReadOnlyDictionary<string, int?> moves, NodeColumn<string> ids)
    {
        if (moves.Count == 0) return this;
        if (overlay.Count + moves.Count > Math.Max(SmallestFold, ids.Count / 16)) return Of(ids);
        var next = overlay.ToBuilder();
        foreach (var (id, node) in moves) next[id] = node ?? Removed;
        return new NodeIndex(built, next.ToImmutable());
    }
}
