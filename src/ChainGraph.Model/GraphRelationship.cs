namespace ChainGraph.Model;

/// <summary>A relationship; at most one exists per (type, start, end).</summary>
public sealed record GraphRelationship(RelType Type, string StartId, string EndId, IReadOnlyDictionary<string, object> Properties)
{
    public RelationshipKey Key => new(Type, StartId, EndId);
}

/// <summary>The identity of a relationship: duplicates with the same key merge.</summary>
public readonly record struct RelationshipKey(RelType Type, string StartId, string EndId);
