namespace ChainGraph.Model.Import;

/// <summary>
/// Collects the records of one import and applies the data rules shared by every format:
/// schema validation, duplicate nodes and relationships merging (later rows win), self-loops
/// rejected, and missing endpoints created from the fields their row carries. A reader may also
/// update nodes that exist already, replace a node's relationships of one type, and report rows
/// that conflict with an earlier one instead of merging them.
/// </summary>
public sealed class GraphBatch
{
    static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    // Shared by every relationship without properties until one merges some in: imports of
    // millions of edges are mostly property-less, and a dictionary each would dominate memory.
    static readonly Dictionary<string, object> Unset = [];

    readonly Dictionary<string, PendingNode> nodes = new(StringComparer.Ordinal);
    readonly Dictionary<RelationshipKey, PendingRelationship> relationships = [];
    readonly List<ImportRejection> rejected = [];
    readonly List<ImportMerge> merged = [];
    readonly List<ImportConflict> conflicts = [];
    readonly HashSet<RelationshipReplacement> replacements = [];
    readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public int NodeCount => nodes.Count;

    public int RelationshipCount => relationships.Count;

    public void AddNode(string id, NodeLabel label, Dictionary<string, object> properties, SourceLocation at)
    {
        if ((GraphValidator.CheckId(id, "id") ?? GraphValidator.CheckNode(label, properties)) is { } error)
        {
            Reject(at, error);
            return;
        }
        if (!nodes.TryGetValue(id, out var existing))
        {
            nodes.Add(Intern(id), new PendingNode(label, properties, at));
            return;
        }
        if (existing.Label != label)
        {
            Reject(at, $"id '{id}' has label {label} here but {existing.Label} at line {existing.At.Line}");
            return;
        }
        existing.MustExist = false;
        merged.Add(new ImportMerge(id, at.File, at.Line, existing.At.Line, existing.Set(properties)));
    }

    /// <summary>
    /// Sets properties of a node that exists already, in the store or earlier in this batch, and
    /// takes the <paramref name="unset"/> keys off it (a place replaced by one without a county).
    /// The properties need not include the required ones, and an update is no merge. Where the
    /// node exists nowhere the row is rejected once: the relationships it added go with it, unreported.
    /// </summary>
    public void UpdateNode(string id, NodeLabel label, Dictionary<string, object> properties, IReadOnlyCollection<string> unset, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(unset);
        if ((GraphValidator.CheckId(id, "id") ?? GraphValidator.CheckNode(label, properties, partial: true)) is { } error)
        {
            Reject(at, error);
            return;
        }
        if (!nodes.TryGetValue(id, out var existing))
        {
            nodes.Add(Intern(id), existing = new PendingNode(label, properties, at) { MustExist = true });
        }
        else if (existing.Label != label)
        {
            Reject(at, $"id '{id}' has label {label} here but {existing.Label} at line {existing.At.Line}");
            return;
        }
        else
        {
            existing.Set(properties);
        }
        existing.Drop(unset);
    }

    /// <summary>The stored outgoing <paramref name="type"/> relationships of the node that this batch does not write are removed.</summary>
    public void ReplaceRelationships(string startId, RelType type) => replacements.Add(new RelationshipReplacement(Intern(startId), type));

    /// <summary>Reports a row that names the id of another entity; the reader imports nothing of it.</summary>
    public void Conflict(SourceLocation at, string id, string keptName, string conflictingName) =>
        conflicts.Add(new ImportConflict(at.File, at.Line, id, keptName, conflictingName));

    public void AddRelationship(RelType type, EndpointRef start, EndpointRef end, Dictionary<string, object> properties, SourceLocation at)
    {
        var spec = GraphSchema.Spec(type);
        var error = GraphValidator.CheckId(start.Id, "start id") ?? GraphValidator.CheckId(end.Id, "end id")
            ?? GraphValidator.CheckRelationship(type, properties);
        if (error is null && spec.NoSelfLoops && start.Id == end.Id)
            error = $"self-loop: '{start.Id}' {spec.Name} itself";
        if (error is not null)
        {
            Reject(at, error);
            return;
        }
        var key = new RelationshipKey(type, Intern(start.Id), Intern(end.Id));
        if (relationships.TryGetValue(key, out var existing))
        {
            if (properties.Count > 0)
            {
                if (ReferenceEquals(existing.Properties, Unset)) existing.Properties = [];
                Overlay(existing.Properties, properties);
            }
            existing.Start = Prefer(existing.Start, start);
            existing.End = Prefer(existing.End, end);
            existing.At = at;
        }
        else
        {
            relationships.Add(key, new PendingRelationship(Informative(start), Informative(end), properties.Count == 0 ? Unset : properties, at));
        }
    }

    public void Reject(SourceLocation at, string reason) => rejected.Add(new ImportRejection(at.File, at.Line, reason));

    /// <summary>Every id this batch writes or links to: the ids whose stored labels <see cref="Resolve"/> needs.</summary>
    public IReadOnlyCollection<string> ReferencedIds()
    {
        var referenced = new HashSet<string>(nodes.Keys, StringComparer.Ordinal);
        foreach (var key in relationships.Keys)
        {
            referenced.Add(key.StartId);
            referenced.Add(key.EndId);
        }
        return referenced;
    }

    /// <summary>
    /// Decides what the import writes, given the labels that the <see cref="ReferencedIds"/>
    /// already have in the store (absent when they are new).
    /// </summary>
    public ImportPlan Resolve(IReadOnlyDictionary<string, NodeLabel> stored)
    {

        var planNodes = new List<GraphNode>(nodes.Count);
        var labels = new Dictionary<string, NodeLabel>(stored, StringComparer.Ordinal);
        var removals = new List<PropertyRemoval>();
        // Updates that could not be applied, by the row they came from: that row's relationships go unreported.
        var unapplied = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (id, node) in nodes)
        {
            var isStored = stored.TryGetValue(id, out var storedLabel);
            if (isStored && storedLabel != node.Label)
            {
                Reject(node.At, $"id '{id}' already has label {storedLabel} in the store; this row gives it {node.Label}");
                if (node.MustExist) unapplied[id] = node.At;
                continue;
            }
            if (node.MustExist && !isStored)
            {
                Reject(node.At, $"field 'id': no {node.Label} has this id. Got: '{id}'");
                unapplied[id] = node.At;
                continue;
            }
            labels[id] = node.Label;
            planNodes.Add(new GraphNode(id, node.Label, node.Properties));
            if (isStored && node.Removed.Count > 0) removals.Add(new PropertyRemoval(id, node.Label, [.. node.Removed.Order(StringComparer.Ordinal)]));
        }

        var created = new Dictionary<NodeLabel, int>();
        var planRelationships = new List<GraphRelationship>(relationships.Count);
        foreach (var (key, rel) in relationships)
        {
            if (FromUnapplied(key.StartId, rel.At) || FromUnapplied(key.EndId, rel.At)) continue;
            var spec = GraphSchema.Spec(key.Type);
            var error = Endpoint(rel.Start ?? new(key.StartId), spec.StartLabels, "start", spec, labels, planNodes, created)
                ?? Endpoint(rel.End ?? new(key.EndId), spec.EndLabels, "end", spec, labels, planNodes, created);
            if (error is not null) Reject(rel.At, error);
            else planRelationships.Add(new GraphRelationship(key.Type, key.StartId, key.EndId, rel.Properties));
        }
        rejected.Sort((a, b) => ByFileAndLine(a.File, a.Line, b.File, b.Line));
        conflicts.Sort((a, b) => ByFileAndLine(a.File, a.Line, b.File, b.Line));
        return new ImportPlan(planNodes, planRelationships, rejected, merged, conflicts, created)
        {
            RemovedProperties = removals,
            ReplacedRelationships = [.. replacements.Where(r => stored.ContainsKey(r.StartId) && !unapplied.ContainsKey(r.StartId))],
        };

        bool FromUnapplied(string id, SourceLocation at) => unapplied.TryGetValue(id, out var row) && row == at;
    }

    static int ByFileAndLine(string fileA, long lineA, string fileB, long lineB) =>
        string.CompareOrdinal(fileA, fileB) is var byFile and not 0 ? byFile : lineA.CompareTo(lineB);

    static string? Endpoint(EndpointRef end, NodeLabel[] allowed, string side, RelationshipSpec spec,
        Dictionary<string, NodeLabel> labels, List<GraphNode> planNodes, Dictionary<NodeLabel, int> created)
    {
        if (labels.TryGetValue(end.Id, out var label))
        {
            return allowed.Contains(label) ? null
                : $"{spec.Name} must {side} at {string.Join(" or ", allowed)}; '{end.Id}' has label {label}";
        }
        var newLabel = end.Label ?? (allowed.Length == 1 ? allowed[0] : (NodeLabel?)null);
        if (newLabel is not { } l)
            return $"{side} node '{end.Id}' does not exist and the row does not say its label";
        if (!allowed.Contains(l))
            return $"{spec.Name} must {side} at {string.Join(" or ", allowed)}; '{end.Id}' is given label {l}";
        var properties = new Dictionary<string, object>(end.Properties ?? NoProperties);
        properties.TryAdd("name", end.Id);
        if (GraphValidator.CheckNode(l, properties) is { } error)
            return $"{side} node '{end.Id}' does not exist and cannot be created from this row: {error}";
        labels[end.Id] = l;
        planNodes.Add(new GraphNode(end.Id, l, properties));
        created[l] = created.GetValueOrDefault(l) + 1;
        return null;
    }

    /// <summary>The one instance of an id string, so a million edges to one node keep one copy of its id.</summary>
    string Intern(string id)
    {
        if (ids.TryGetValue(id, out var same)) return same;
        ids.Add(id);
        return id;
    }

    /// <summary>An endpoint worth keeping: one that says how to create its node. A bare id lives in the key already.</summary>
    static EndpointRef? Informative(EndpointRef end) => end.Label is null && end.Properties is null ? null : end;

    static EndpointRef? Prefer(EndpointRef? earlier, EndpointRef later) => Informative(later) ?? earlier;

    static List<string> Overlay(Dictionary<string, object> target, Dictionary<string, object> source)
    {
        var changes = new List<string>();
        foreach (var (key, value) in source)
        {
            if (target.TryGetValue(key, out var old) && !Same(old, value))
                changes.Add($"{key}: '{PropertyValues.Format(old, ';')}' -> '{PropertyValues.Format(value, ';')}'");
            target[key] = value;
        }
        return changes;
    }

    static bool Same(object a, object b) =>
        a is string[] x && b is string[] y ? x.AsSpan().SequenceEqual(y) : a.Equals(b);

    sealed record PendingNode(NodeLabel Label, Dictionary<string, object> Properties, SourceLocation At)
    {
        /// <summary>True while only updates name the node: it has to exist in the store.</summary>
        public bool MustExist { get; set; }

        /// <summary>Keys to take off the stored node.</summary>
        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        public List<string> Set(Dictionary<string, object> properties)
        {
            Removed.ExceptWith(properties.Keys);
            return Overlay(Properties, properties);
        }

        public void Drop(IReadOnlyCollection<string> keys)
        {
            foreach (var key in keys) Properties.Remove(key);
            Removed.UnionWith(keys);
        }
    }

    sealed class PendingRelationship(EndpointRef? start, EndpointRef? end, Dictionary<string, object> properties, SourceLocation at)
    {
        public EndpointRef? Start { get; set; } = start;
        public EndpointRef? End { get; set; } = end;
        public Dictionary<string, object> Properties { get; set; } = properties;
        public SourceLocation At { get; set; } = at;
    }
}
