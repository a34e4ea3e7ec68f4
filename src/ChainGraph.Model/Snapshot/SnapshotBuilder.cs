namespace ChainGraph.Model.Snapshot;

/// <summary>Accumulates nodes and edges (in any order, edges after their nodes) and builds a <see cref="GraphSnapshot"/>.</summary>
public sealed class SnapshotBuilder
{
    readonly List<NodeRow> rows = [];
    readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    readonly EdgeList[] edges = GraphSchema.RelTypes.Select(_ => new EdgeList()).ToArray();

    public int NodeCount => rows.Count;

    /// <summary>What <see cref="GraphSnapshot.ChangeStamp"/> the built snapshot carries.</summary>
    public long? ChangeStamp { get; set; }

    /// <summary>The snapshot of a set of records, as a store holding exactly them would load it.</summary>
    /// <exception cref="ArgumentException">A relationship names a node that is not among <paramref name="nodes"/>.</exception>
    public static GraphSnapshot Of(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(relationships);
        var builder = new SnapshotBuilder();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes) index.Add(node.Id, builder.AddNode(node));
        foreach (var rel in relationships)
            builder.AddEdge(rel.Type, Endpoint(rel.StartId), Endpoint(rel.EndId), key => rel.Properties.GetValueOrDefault(key));
        return builder.Build();

        int Endpoint(string id) => index.TryGetValue(id, out var node) ? node
            : throw new ArgumentException($"A relationship names node '{id}', which is not among the nodes.", nameof(relationships));
    }

    public int AddNode(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return AddNode(node.Id, node.Label, node.Name, key => node.Properties.GetValueOrDefault(key));
    }

    /// <summary>Adds a node and returns its index; its columns (<see cref="SnapshotColumns"/>) are read through <paramref name="property"/>.</summary>
    /// <param name="property">A property's value by key, null when absent; no properties when null.</param>
    public int AddNode(string id, NodeLabel label, string name, Func<string, object?>? property = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(name);
        rows.Add(NodeRow.Read(id, label, name, property ?? (_ => null), Intern));
        return rows.Count - 1;
    }

    public void AddEdge(RelType type, int source, int target, float weight = float.NaN) =>
        edges[(int)type].Add(source, target, weight);

    /// <summary>Adds an edge weighted by its type's <see cref="SnapshotColumns.WeightProperty"/>, read through <paramref name="property"/>.</summary>
    public void AddEdge(RelType type, int source, int target, Func<string, object?> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        AddEdge(type, source, target, SnapshotColumns.Weight(SnapshotColumns.WeightProperty(type) is { } key ? property(key) : null));
    }

    public GraphSnapshot Build()
    {
        var n = rows.Count;
        var outgoing = new CsrAdjacency[edges.Length];
        var incoming = new CsrAdjacency[edges.Length];
        for (var t = 0; t < edges.Length; t++)
        {
            var e = edges[t];
            (outgoing[t], incoming[t]) = CsrAdjacency.Build(n, e.Sources, e.Targets, e.Weights);
        }
        var columns = NodeColumns.From(rows);
        return new GraphSnapshot(columns, NodeIndex.Of(columns.Ids), outgoing, incoming) { ChangeStamp = ChangeStamp };
    }

    string? Intern(string? value)
    {
        if (value is null) return null;
        if (interned.TryGetValue(value, out var same)) return same;
        interned.Add(value, value);
        return value;
    }

    sealed class EdgeList
    {
        int[] sources = new int[16];
        int[] targets = new int[16];
        float[] weights = new float[16];
        int count;

        public ReadOnlySpan<int> Sources => sources.AsSpan(0, count);
        public ReadOnlySpan<int> Targets => targets.AsSpan(0, count);
        public ReadOnlySpan<float> Weights => weights.AsSpan(0, count);

        public void Add(int source, int target, float weight)
        {
            if (count == sources.Length)
            {
                Array.Resize(ref sources, count * 2);
                Array.Resize(ref targets, count * 2);
                Array.Resize(ref weights, count * 2);
            }
            sources[count] = source;
            targets[count] = target;
            weights[count] = weight;
            count++;
        }
    }
}
