using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Testing;

/// <summary>Compares two snapshots node by node.</summary>
public static class SnapshotAssert
{
    /// <summary>The same nodes in the same order, with the same neighbours in the same order: what analyses read is the same to the last tie.</summary>
    public static void Identical(GraphSnapshot expected, GraphSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Ids, actual.Ids);
        for (var v = 0; v < expected.NodeCount; v++)
        {
            Assert.Equal(Node(expected, v), Node(actual, v));
            Assert.True(actual.TryGetIndex(expected.Ids[v], out var found) && found == v, $"'{expected.Ids[v]}' is not found at node {v}.");
            foreach (var type in GraphSchema.RelTypes)
            {
                Assert.Equal(Edges(expected, expected.Out(type), v, ordered: false), Edges(actual, actual.Out(type), v, ordered: false));
                Assert.Equal(Edges(expected, expected.In(type), v, ordered: false), Edges(actual, actual.In(type), v, ordered: false));
            }
        }
        Assert.Equal(expected.RelationshipCount, actual.RelationshipCount);
    }

    /// <summary>The same nodes and relationships, by id, whatever order a store returned them in.</summary>
    public static void Equal(GraphSnapshot expected, GraphSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Ids.Order(StringComparer.Ordinal), actual.Ids.Order(StringComparer.Ordinal));
        for (var e = 0; e < expected.NodeCount; e++)
        {
            var id = expected.Ids[e];
            var a = actual.IndexOf(id, "id");
            Assert.Equal(Node(expected, e), Node(actual, a));
            foreach (var type in GraphSchema.RelTypes)
            {
                Assert.Equal(Edges(expected, expected.Out(type), e), Edges(actual, actual.Out(type), a));
                Assert.Equal(Edges(expected, expected.In(type), e), Edges(actual, actual.In(type), a));
            }
        }
        Assert.Equal(expected.RelationshipCount, actual.RelationshipCount);
        foreach (var id in expected.Ids) Assert.True(actual.TryGetIndex(id, out var v) && actual.Ids[v] == id, $"'{id}' is not found where it is.");
    }

    /// <summary>Every column of a node as text, so a failure shows the whole node and which column differs.</summary>
    static string Node(GraphSnapshot s, int v) =>
        $"{s.Ids[v]} {s.Labels[v]} name={s.Names[v]} province={s.Provinces[v]} city={s.Cities[v]} country={s.Countries[v]} " +
        $"tags=[{string.Join(',', s.Tags[v])}] stage={s.Stages[v]} order={s.Orders[v]} match={s.Matches[v]} sector={s.Sectors[v]} capacity={s.Capacities[v]}";

    static string[] Edges(GraphSnapshot s, CsrAdjacency adjacency, int v, bool ordered = true)
    {
        var neighbours = adjacency.Neighbours(v);
        var weights = adjacency.WeightsOf(v);
        var edges = new string[neighbours.Length];
        for (var i = 0; i < edges.Length; i++) edges[i] = $"{s.Ids[neighbours[i]]} weight={weights[i]}";
        return ordered ? [.. edges.Order(StringComparer.Ordinal)] : edges;
    }
}
