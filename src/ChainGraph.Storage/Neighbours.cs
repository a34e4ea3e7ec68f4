using ChainGraph.Model;

namespace ChainGraph.Storage;

public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>Which neighbours to read: a relationship type (null = all), a direction and a page.</summary>
public sealed record NeighbourQuery(RelType? Type = null, Direction Direction = Direction.Both, int Limit = 100, int Skip = 0);

/// <summary>A neighbour and the relationship that leads to it.</summary>
public sealed record Neighbour(GraphNode Node, GraphRelationship Relationship, Direction Direction);

/// <summary>One page of neighbours and how many there are in all, for a "+N more" element.</summary>
public sealed record NeighbourPage(IReadOnlyList<Neighbour> Items, int Total);
