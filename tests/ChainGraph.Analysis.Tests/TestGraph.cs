using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Tests;

/// <summary>A tiny graph written by hand: nodes by id, edges by ids; <see cref="Build"/> gives the snapshot.</summary>
internal sealed class TestGraph
{
    readonly SnapshotBuilder builder = new();
    readonly Dictionary<string, int> index = [];

    public GraphSnapshot Build() => builder.Build();

    public TestGraph Products(params string[] ids)
    {
        foreach (var id in ids) Add(id, NodeLabel.Product);
        return this;
    }

    public TestGraph Enterprise(string id, string? province = "江苏省", string? city = "常州市", string country = "CN", params string[] tags)
    {
        index[id] = builder.AddNode(id, NodeLabel.Enterprise, id, province, city, country, tags);
        return this;
    }

    public TestGraph EnterpriseWithCapacity(string id, double capacity, string province, string city, params string[] tags)
    {
        index[id] = builder.AddNode(id, NodeLabel.Enterprise, id, province, city, "CN", tags, capacity: capacity);
        return this;
    }

    public TestGraph Node(string id, NodeLabel label, string? stage = null, int order = 0, string? province = null, string? city = null,
        string? match = null, string? sector = null)
    {
        index[id] = builder.AddNode(id, label, id, province, city, stage: stage, order: order, match: match, sector: sector);
        return this;
    }

    /// <summary>Adds INPUT_TO edges along a path: Inputs("a", "b", "c") is a → b → c.</summary>
    public TestGraph Inputs(params string[] path)
    {
        for (var i = 0; i + 1 < path.Length; i++) Edge(RelType.InputTo, path[i], path[i + 1]);
        return this;
    }

    public TestGraph Edge(RelType type, string from, string to, float weight = float.NaN)
    {
        builder.AddEdge(type, Index(from), Index(to), weight);
        return this;
    }

    public TestGraph Makes(string enterprise, string product, float volume = float.NaN) => Edge(RelType.Makes, enterprise, product, volume);

    int Index(string id) => index.TryGetValue(id, out var i) ? i : Add(id, NodeLabel.Product);

    int Add(string id, NodeLabel label) => index[id] = builder.AddNode(id, label, id);
}

internal static class SnapshotExtensions
{
    public static int Of(this GraphSnapshot snapshot, string id) =>
        snapshot.TryGetIndex(id, out var v) ? v : throw new KeyNotFoundException(id);
}
