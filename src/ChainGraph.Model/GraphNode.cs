namespace ChainGraph.Model;

/// <summary>A node: a stable string id (unique across labels), one label and its properties.</summary>
public sealed record GraphNode(string Id, NodeLabel Label, IReadOnlyDictionary<string, object> Properties)
{
    /// <summary>The display name; every label requires one.</summary>
    public string Name => Properties.TryGetValue("name", out var name) && name is string s ? s : Id;

    public string? GetString(string key) => Properties.TryGetValue(key, out var v) ? v as string : null;
}
