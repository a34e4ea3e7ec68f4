using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Tests;

/// <summary>
/// A tiny graph written by hand: nodes by id, edges by ids. <see cref="Build"/> gives the snapshot of
/// those records the way a store's loader maps them (<see cref="SnapshotBuilder.Of"/>).
/// </summary>
internal sealed class TestGraph
{
    readonly Dictionary<string, GraphNode> nodes = [];
    readonly List<GraphRelationship> relationships = [];

    public GraphSnapshot Build() => SnapshotBuilder.Of(nodes.Values, relationships);

    public TestGraph Products(params string[] ids)
    {
        foreach (var id in ids) Add(id, NodeLabel.Product);
        return this;
    }

    public TestGraph Enterprise(string id, string? province = "江苏省", string? city = "常州市", string country = "CN", params string[] tags) =>
        Add(id, NodeLabel.Enterprise, ("province", province), ("city", city), ("country", country), ("tags", tags));

    public TestGraph EnterpriseWithCapacity(string id, double capacity, string province, string city, params string[] tags) =>
        Add(id, NodeLabel.Enterprise, ("province", province), ("city", city), ("country", "CN"), ("tags", tags), ("capacity", capacity));

    public TestGraph Node(string id, NodeLabel label, string? stage = null, int order = 0, string? province = null, string? city = null,
        string? match = null, string? sector = null) =>
        Add(id, label, ("stage", stage), ("order", order == 0 ? null : (long)order), ("province", province), ("city", city), ("match", match), ("sector", sector));

    /// <summary>Adds INPUT_TO edges along a path: Inputs("a", "b", "c") is a → b → c.</summary>
    public TestGraph Inputs(params string[] path)
    {
        for (var i = 0; i + 1 < path.Length; i++) Edge(RelType.InputTo, path[i], path[i + 1]);
        return this;
    }

    /// <summary>An edge between two nodes, a product each unless added before; the weight goes in its type's weight property.</summary>
    public TestGraph Edge(RelType type, string from, string to, float weight = float.NaN)
    {
        foreach (var id in new[] { from, to }) if (!nodes.ContainsKey(id)) Add(id, NodeLabel.Product);
        var properties = new Dictionary<string, object>();
        if (!float.IsNaN(weight))
            properties[SnapshotColumns.WeightProperty(type) ?? throw new ArgumentException($"{type} edges carry no weight.", nameof(weight))] = (double)weight;
        relationships.Add(new GraphRelationship(type, from, to, properties));
        return this;
    }

    public TestGraph Makes(string enterprise, string product, float volume = float.NaN) => Edge(RelType.Makes, enterprise, product, volume);

    TestGraph Add(string id, NodeLabel label, params (string Key, object? Value)[] properties)
    {
        var values = new Dictionary<string, object> { ["name"] = id };
        foreach (var (key, value) in properties) if (value is not null) values[key] = value;
        nodes[id] = new GraphNode(id, label, values);
        return this;
    }
}

internal static class SnapshotExtensions
{
    public static int Of(this GraphSnapshot snapshot, string id) =>
        snapshot.TryGetIndex(id, out var v) ? v : throw new KeyNotFoundException(id);
}
