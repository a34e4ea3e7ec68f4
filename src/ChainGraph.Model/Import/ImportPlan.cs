using System.Globalization;
using ChainGraph.Model.Requests;

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

    /// <summary>
    /// Refuses the whole import when more than <paramref name="maxRejectRatio"/> of its rows were
    /// rejected: a file that is mostly not what its format says is better not imported at all.
    /// </summary>
    /// <exception cref="InvalidRequestException">Too many rows were rejected.</exception>
    public void CheckRejectRatio(double maxRejectRatio)
    {
        var rows = Nodes.Count + Relationships.Count + Rejected.Count;
        if (Rejected is not [var first, ..] || Rejected.Count <= maxRejectRatio * rows) return;
        throw new InvalidRequestException("maxRejectRatio", maxRejectRatio.ToString(CultureInfo.InvariantCulture),
            $"{Rejected.Count:N0} of {rows:N0} rows were rejected ({(double)Rejected.Count / rows:P1}), more than the {maxRejectRatio:P1} allowed: "
            + $"nothing was imported. The first: {first.File}:{first.Line}: {first.Reason}");
    }
}
