namespace ChainGraph.Server.Views;

/// <summary>
/// One open view: the elements it shows, which nodes have their neighbourhood shown ("open",
/// so new neighbours appear live), and which nodes each expansion added (for collapse).
/// Guarded by <see cref="Gate"/>: hub calls and change notifications may arrive together.
/// </summary>
public sealed class ViewState(string id, ViewRequest request, string? owner)
{
    readonly Dictionary<string, CyElement> elements = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<string>> addedBy = new(StringComparer.Ordinal);
    readonly HashSet<string> open = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public ViewRequest Request { get; } = request;

    /// <summary>The connection that opened it, or null when it belongs to a room.</summary>
    public string? Owner { get; } = owner;

    public Lock Gate { get; } = new();

    public string Title { get; set; } = "";

    /// <summary>dagre for chains (upstream to downstream), fcose for networks.</summary>
    public string Layout { get; set; } = "fcose";

    public ViewOpened Snapshot() => new(Id, Title, Layout, [.. elements.Values], Request);

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
        var edges = elements.Values.Where(e => e.Group == "edges" && (Equals(e.Data["source"], elementId) || Equals(e.Data["target"], elementId)))
            .Select(e => e.Id).ToList();
        foreach (var edge in edges.Append(CyElement.MoreId(elementId))) removed.AddRange(Remove(edge));
        return removed;
    }

    /// <summary>Forgets and returns the nodes an expansion of <paramref name="node"/> added.</summary>
    public List<string> TakeAddedBy(string node) => addedBy.Remove(node, out var list) ? list : [];
}
