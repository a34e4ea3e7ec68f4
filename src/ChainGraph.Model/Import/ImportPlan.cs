namespace ChainGraph.Model.Import;

/// <summary>What one import writes, in order, and what it turned away.</summary>
/// <param name="CreatedEndpoints">Nodes created because a relationship named them and nothing else did, per label.</param>
public sealed record ImportPlan(
    IReadOnlyList<GraphNode> Nodes,
    IReadOnlyList<GraphRelationship> Relationships,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportMerge> Merged,
    IReadOnlyDictionary<NodeLabel, int> CreatedEndpoints);
