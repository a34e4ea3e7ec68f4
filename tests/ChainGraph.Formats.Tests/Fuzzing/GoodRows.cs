using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// The nodes and relationships the known-good rows of one fuzz case must put in the plan, each
/// with the file and row it came from, and the checks every case must pass: each good row in the
/// plan with its properties intact, each rejection naming a file and a line that holds a mutated
/// row, and every planned value one the store can write.
/// </summary>
public sealed class GoodRows
{
    static readonly Dictionary<string, object> NoProperties = [];

    readonly List<(string Id, NodeLabel Label, IReadOnlyDictionary<string, object> Properties, FuzzFile File, int Row)> nodes = [];
    readonly List<(RelType Type, string Start, string End, IReadOnlyDictionary<string, object> Properties, FuzzFile File, int Row)> relationships = [];
    readonly HashSet<string> nodeIds = new(StringComparer.Ordinal);
    readonly HashSet<(RelType, string, string)> relationshipKeys = [];

    public int Nodes => nodes.Count;

    public int Relationships => relationships.Count;

    public bool HasNode(string id) => nodeIds.Contains(id);

    public bool HasRelationship(RelType type, string start, string end) => relationshipKeys.Contains((type, start, end));

    public void Node(string id, NodeLabel label, IReadOnlyDictionary<string, object> properties, FuzzFile file, int row)
    {
        if (!nodeIds.Add(id)) throw new InvalidOperationException($"the generator made good node '{id}' twice");
        nodes.Add((id, label, properties, file, row));
    }

    public void Relationship(RelType type, string start, string end, IReadOnlyDictionary<string, object> properties, FuzzFile file, int row)
    {
        if (!relationshipKeys.Add((type, start, end))) throw new InvalidOperationException($"the generator made good {type} {start}->{end} twice");
        relationships.Add((type, start, end, properties, file, row));
    }

    /// <summary>Everything wrong with the plan, at most <paramref name="limit"/> items; empty when the case passed.</summary>
    public List<string> Problems(ImportPlan plan, IReadOnlyCollection<FuzzFile> files, int limit = 20)
    {
        var problems = new List<string>();
        var planNodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var node in plan.Nodes)
        {
            if (!planNodes.TryAdd(node.Id, node)) problems.Add($"node '{Show(node.Id)}' is in the plan twice");
            if (Unstorable(node.Id, node.Properties) is { } why) problems.Add($"node '{Show(node.Id)}': {why}");
        }
        var planRelationships = new Dictionary<(RelType, string, string), GraphRelationship>();
        foreach (var rel in plan.Relationships)
        {
            if (!planRelationships.TryAdd((rel.Type, rel.StartId, rel.EndId), rel))
                problems.Add($"{rel.Type} '{Show(rel.StartId)}'->'{Show(rel.EndId)}' is in the plan twice");
            if ((Unstorable(rel.StartId, rel.Properties) ?? Unstorable(rel.EndId, NoProperties)) is { } why)
                problems.Add($"{rel.Type} '{Show(rel.StartId)}'->'{Show(rel.EndId)}': {why}");
        }

        foreach (var (id, label, properties, file, row) in nodes)
        {
            var at = $"{file.Name}:{file.LineOf(row)}";
            if (!planNodes.TryGetValue(id, out var node)) problems.Add($"good row lost: node '{id}' of {at}");
            else if (node.Label != label) problems.Add($"good row changed: node '{id}' of {at} has label {node.Label}, not {label}");
            else if (Difference(properties, node.Properties) is { } difference) problems.Add($"good row changed: node '{id}' of {at}: {difference}");
        }
        foreach (var (type, start, end, properties, file, row) in relationships)
        {
            var at = $"{file.Name}:{file.LineOf(row)}";
            if (!planRelationships.TryGetValue((type, start, end), out var rel)) problems.Add($"good row lost: {type} '{start}'->'{end}' of {at}");
            else if (Difference(properties, rel.Properties) is { } difference) problems.Add($"good row changed: {type} '{start}'->'{end}' of {at}: {difference}");
        }

        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var rejection in plan.Rejected)
        {
            if (!byName.TryGetValue(rejection.File, out var file))
                problems.Add($"rejection names no input file: '{rejection.File}':{rejection.Line} {Show(rejection.Reason)}");
            else if (!file.IsMutatedLine(rejection.Line))
                problems.Add($"rejection names {rejection.File}:{rejection.Line}, which holds no mutated row ({file.Lines} lines): {Show(rejection.Reason)}");
            if (string.IsNullOrWhiteSpace(rejection.Reason)) problems.Add($"rejection at {rejection.File}:{rejection.Line} gives no reason");
        }
        return problems.Take(limit).ToList();
    }

    /// <summary>Why the store could not write this id or these properties, or null.</summary>
    static string? Unstorable(string id, IReadOnlyDictionary<string, object> properties)
    {
        if (GraphValidator.CheckId(id, "id") is { } error) return error;
        try
        {
            PropertyJson.Serialize(properties);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"properties the store cannot write: {e.Message}";
        }
    }

    static string? Difference(IReadOnlyDictionary<string, object> expected, IReadOnlyDictionary<string, object> actual)
    {
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var got)) return $"'{key}' is missing";
            if (!Same(value, got)) return $"'{key}' is {Describe(got)}, not {Describe(value)}";
        }
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        return extra.Count > 0 ? $"unexpected properties {string.Join(", ", extra)}" : null;
    }

    static bool Same(object a, object b) =>
        a is string[] x && b is string[] y ? x.AsSpan().SequenceEqual(y) : a.GetType() == b.GetType() && a.Equals(b);

    static string Describe(object value) => $"{PropertyValues.Format(value, ';')} ({value.GetType().Name})";

    static string Show(string text) => text.Length > 120 ? text[..120] + "…" : text;
}

/// <summary>What a fuzz run tried, for the test output.</summary>
public sealed class FuzzTally(string format)
{
    readonly Dictionary<Mutation, int> mutations = [];

    public int Cases { get; private set; }

    public long Lines { get; private set; }

    public long MutatedLines { get; private set; }

    public long MutatedRows { get; private set; }

    public long GoodRows { get; private set; }

    public long Rejected { get; private set; }

    public long PlannedNodes { get; private set; }

    public long PlannedRelationships { get; private set; }

    public void Add(IEnumerable<FuzzFile> files, ImportPlan plan)
    {
        Cases++;
        foreach (var file in files)
        {
            Lines += file.Lines;
            MutatedLines += file.MutatedLines;
            MutatedRows += file.MutatedRows;
            GoodRows += file.GoodRows;
        }
        Rejected += plan.Rejected.Count;
        PlannedNodes += plan.Nodes.Count;
        PlannedRelationships += plan.Relationships.Count;
    }

    public void Add(LineMutator mutator)
    {
        foreach (var (kind, count) in mutator.Counts) mutations[kind] = mutations.GetValueOrDefault(kind) + count;
    }

    public string Report(TimeSpan elapsed) =>
        $"{format}: {Cases} cases, {Lines:N0} lines read, {MutatedLines:N0} of them in {MutatedRows:N0} mutated rows, {GoodRows:N0} good rows kept; " +
        $"{Rejected:N0} rejections, plan {PlannedNodes:N0} nodes and {PlannedRelationships:N0} relationships; {elapsed.TotalSeconds:F1} s\n" +
        $"  mutations: {string.Join(", ", mutations.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:N0}"))}";
}
