namespace ChainGraph.Model.Snapshot;

/// <summary>Accumulates nodes and edges (in any order, edges after their nodes) and builds a <see cref="GraphSnapshot"/>.</summary>
public sealed class SnapshotBuilder
{
    readonly List<string> ids = [];
    readonly List<NodeLabel> labels = [];
    readonly List<string> names = [];
    readonly List<string?> provinces = [];
    readonly List<string?> cities = [];
    readonly List<string?> countries = [];
    readonly List<string[]> tags = [];
    readonly List<string?> stages = [];
    readonly List<int> orders = [];
    readonly List<double> capacities = [];
    readonly List<string?> matches = [];
    readonly List<string?> sectors = [];
    readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    readonly EdgeList[] edges = GraphSchema.RelTypes.Select(_ => new EdgeList()).ToArray();

    public int NodeCount => ids.Count;

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
        property ??= _ => null;
        ids.Add(id);
        labels.Add(label);
        names.Add(name);
        provinces.Add(Intern(Read(SnapshotColumns.Province) as string));
        cities.Add(Intern(Read(SnapshotColumns.City) as string));
        countries.Add(Intern(Read(SnapshotColumns.Country) as string));
        tags.Add(Read(SnapshotColumns.Tags) is string[] { Length: > 0 } nodeTags ? Array.ConvertAll(nodeTags, t => Intern(t)!) : []);
        stages.Add(Intern(Read(SnapshotColumns.Stage) as string));
        orders.Add(Read(SnapshotColumns.Order) is long order and >= int.MinValue and <= int.MaxValue ? (int)order : 0);
        matches.Add(Read(SnapshotColumns.Match) as string);
        sectors.Add(Intern(Read(SnapshotColumns.Sector) as string));
        capacities.Add(Read(SnapshotColumns.Capacity) is double capacity ? capacity : double.NaN);
        return ids.Count - 1;

        object? Read(PropertySpec column) => SnapshotColumns.Read(column, property);
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
        var n = ids.Count;
        var outgoing = new CsrAdjacency[edges.Length];
        var incoming = new CsrAdjacency[edges.Length];
        for (var t = 0; t < edges.Length; t++)
        {
            var e = edges[t];
            (outgoing[t], incoming[t]) = CsrAdjacency.Build(n, e.Sources, e.Targets, e.Weights);
        }
        var columns = new NodeColumns([.. ids], [.. labels], [.. names], [.. provinces], [.. cities], [.. countries], [.. tags], [.. stages], [.. orders],
            [.. matches], [.. sectors], [.. capacities]);
        return new GraphSnapshot(columns, outgoing, incoming) { ChangeStamp = ChangeStamp };
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
