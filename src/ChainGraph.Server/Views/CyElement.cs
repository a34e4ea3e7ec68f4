using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Server.Views;

/// <summary>A Cytoscape.js element as the client adds it: group (nodes|edges), data and classes.</summary>
public sealed record CyElement(string Group, IReadOnlyDictionary<string, object?> Data, string Classes)
{
    public string Id => (string)Data["id"]!;

    /// <summary>A node, with the snapshot's attributes as data and label, stage and any extra classes.</summary>
    public static CyElement Node(GraphSnapshot snapshot, int v, IReadOnlyDictionary<string, object?>? extra = null, string? classes = null)
    {
        var label = snapshot.Labels[v];
        var data = new Dictionary<string, object?>
        {
            ["id"] = snapshot.Ids[v], ["label"] = GraphSchema.Name(label), ["name"] = snapshot.Names[v],
        };
        if (snapshot.Provinces[v] is { } province) data["province"] = province;
        if (snapshot.Cities[v] is { } city) data["city"] = city;
        if (snapshot.Countries[v] is { } country) data["country"] = country;
        if (snapshot.Tags[v] is { Length: > 0 } tags) data["tags"] = tags;
        if (snapshot.Stages[v] is { } stage) data["stage"] = stage;
        if (snapshot.Orders[v] != 0) data["order"] = snapshot.Orders[v];
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) data[key] = value;
        var names = new List<string> { label.ToString().ToLowerInvariant() };
        if (snapshot.Stages[v] is { } s) names.Add(s);
        if (snapshot.Countries[v] is { } c && c != "CN") names.Add("foreign");
        if (classes is not null) names.Add(classes);
        return new CyElement("nodes", data, string.Join(' ', names));
    }

    public static CyElement Edge(RelType type, string source, string target) => new("edges", new Dictionary<string, object?>
    {
        ["id"] = EdgeId(type, source, target), ["source"] = source, ["target"] = target, ["type"] = GraphSchema.Name(type),
    }, GraphSchema.Name(type).ToLowerInvariant());

    /// <summary>The "+N more" element standing for the neighbours of a node not shown yet.</summary>
    public static CyElement More(string node, int remaining) => new("nodes", new Dictionary<string, object?>
    {
        ["id"] = MoreId(node), ["label"] = "More", ["name"] = $"+{remaining} more", ["of"] = node, ["more"] = remaining,
    }, "more");

    public static CyElement MoreEdge(string node) => new("edges", new Dictionary<string, object?>
    {
        ["id"] = MoreId(node) + ":edge", ["source"] = node, ["target"] = MoreId(node), ["type"] = "MORE",
    }, "more");

    public static string MoreId(string node) => "more:" + node;

    public static string EdgeId(RelType type, string source, string target) => $"{GraphSchema.Name(type)}:{source}->{target}";
}
