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

    /// <summary>Adds a node and returns its index.</summary>
    public int AddNode(string id, NodeLabel label, string name, string? province = null, string? city = null,
        string? country = null, string[]? nodeTags = null, string? stage = null, int order = 0, string? match = null, string? sector = null,
        double capacity = double.NaN)
    {
        capacities.Add(capacity);
        stages.Add(Intern(stage));
        orders.Add(order);
        matches.Add(match);
        sectors.Add(Intern(sector));
        ids.Add(id);
        labels.Add(label);
        names.Add(name);
        provinces.Add(Intern(province));
        cities.Add(Intern(city));
        countries.Add(Intern(country));
        tags.Add(nodeTags is { Length: > 0 } ? Array.ConvertAll(nodeTags, t => Intern(t)!) : []);
        return ids.Count - 1;
    }

    public void AddEdge(RelType type, int source, int target, float weight = float.NaN) =>
        edges[(int)type].Add(source, target, weight);

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
        return new GraphSnapshot(columns, outgoing, incoming);
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
