namespace ChainGraph.Model.Import;

/// <summary>What one import writes, in order, and what it turned away.</summary>
/// <param name="CreatedEndpoints">Nodes created because a relationship named them and nothing else did, per label.</param>
public sealed record ImportPlan(
    IReadOnlyList<GraphNode> Nodes,
    IReadOnlyList<GraphRelationship> Relationships,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportMerge> Merged,
    IReadOnlyList<ImportConflict> Conflicts,
    IReadOnlyDictionary<NodeLabel, int> CreatedEndpoints)
{
    /// <summary>Properties removed from stored nodes, in the same transaction, before the nodes are written.</summary>
    public IReadOnlyList<PropertyRemoval> RemovedProperties { get; init; } = [];

    /// <summary>Stored nodes whose outgoing relationships of one type this import replaces.</summary>
    public IReadOnlyList<RelationshipReplacement> ReplacedRelationships { get; init; } = [];

    /// <summary>
    /// The stored relationships the <see cref="ReplacedRelationships"/> supersede, found against the
    /// store by the importer and removed in the same transaction, before the relationships are written.
    /// </summary>
    public IReadOnlyList<RelationshipKey> RemovedRelationships { get; init; } = [];
}
