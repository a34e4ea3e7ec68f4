namespace ChainGraph.Server.Views;

/// <summary>
/// One open view: the elements it shows, which nodes have their neighbourhood shown ("open",
/// so new neighbours appear live), which nodes each expansion added (for collapse), and what a
/// room shares beside: the nodes expanded, the selection, the positions moved and the analysis.
/// Guarded by <see cref="Gate"/>: hub calls and change notifications may arrive together.
/// </summary>
public sealed class ViewState(string id, ViewRequest request, string? owner)
{
    readonly Dictionary<string, CyElement> elements = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<string>> addedBy = new(StringComparer.Ordinal);
    readonly HashSet<string> open = new(StringComparer.Ordinal);
    readonly HashSet<string> expanded = new(StringComparer.Ordinal);
    readonly Dictionary<string, NodePosition> positions = new(StringComparer.Ordinal);
    // The snapshot version the analysis shown was computed on: a later answer replaces it, an earlier one never.
    long analysisVersion = -1;

    public string Id { get; } = id;

    public ViewRequest Request { get; } = request;

    /// <summary>The connection that opened it, or null when it belongs to a room.</summary>
    public string? Owner { get; } = owner;

    public Lock Gate { get; } = new();

    public string Title { get; set; } = "";

    /// <summary>chain for chain maps (segments in columns, upstream to downstream), dagre for paths, fcose for networks.</summary>
    public string Layout { get; set; } = "fcose";

    /// <summary>The analysis shown; null for a kind that carries none.</summary>
    public ViewAnalysis? Analysis { get; private set; }

    public string? Selection { get; set; }

    public ViewOpened Snapshot() => new(Id, Title, Layout, [.. elements.Values], Request, Analysis, [.. expanded], Selection,
        new Dictionary<string, NodePosition>(positions, StringComparer.Ordinal));

    /// <summary>Takes an analysis computed on <paramref name="version"/> unless a later one is shown; true when its report differs from the one shown.</summary>
    public bool TakeAnalysis(ViewAnalysis analysis, long version)
    {
        if (version < analysisVersion) return false;
        var changed = Analysis is not { } shown || !shown.Report.SameAs(analysis.Report);
        // Kept even when equal: views on one answer then share its bytes.
        (Analysis, analysisVersion) = (analysis, version);
        return changed;
    }

    public bool IsExpanded(string node) => expanded.Contains(node);

    public void MarkExpanded(string node)
    {
        expanded.Add(node);
        MarkOpen(node);
    }

    public bool MarkCollapsed(string node) => expanded.Remove(node);

    /// <summary>Keeps the positions of nodes the view shows, and returns them.</summary>
    public Dictionary<string, NodePosition> Move(IReadOnlyDictionary<string, NodePosition> moved)
    {
        var kept = moved.Where(p => elements.TryGetValue(p.Key, out var e) && e.Group == "nodes").ToDictionary(StringComparer.Ordinal);
        foreach (var (node, position) in kept) positions[node] = position;
        return kept;
    }

    public IReadOnlyCollection<CyElement> Elements => elements.Values;

    public bool Contains(string elementId) => elements.ContainsKey(elementId);

    public CyElement Get(string elementId) => elements[elementId];

    public bool IsOpen(string node) => open.Contains(node);

    public void MarkOpen(string node) => open.Add(node);

    public bool Add(CyElement element, string? addedByNode = null)
    {
        if (!elements.TryAdd(element.Id, element)) return false;
        if (addedByNode is not null && element.Group == "nodes")
            (addedBy.TryGetValue(addedByNode, out var list) ? list : addedBy[addedByNode] = []).Add(element.Id);
        return true;
    }

    public void Replace(CyElement element) => elements[element.Id] = element;

    /// <summary>Removes a node or edge; a node takes its edges and its "+N more" element with it. Returns every id removed.</summary>
    public List<string> Remove(string elementId)
    {
        var removed = new List<string>();
        if (!elements.Remove(elementId, out var element)) return removed;
        removed.Add(elementId);
        if (element.Group != "nodes") return removed;
        open.Remove(elementId);
        expanded.Remove(elementId);
        positions.Remove(elementId);
        if (Selection == elementId) Selection = null;
        var edges = elements.Values.Where(e => e.Group == "edges" && (Equals(e.Data["source"], elementId) || Equals(e.Data["target"], elementId)))
            .Select(e => e.Id).ToList();
        foreach (var edge in edges.Append(CyElement.MoreId(elementId))) removed.AddRange(Remove(edge));
        return removed;
    }

    /// <summary>Forgets and returns the nodes an expansion of <paramref name="node"/> added.</summary>
    public List<string> TakeAddedBy(string node) => addedBy.Remove(node, out var list) ? list : [];
}
