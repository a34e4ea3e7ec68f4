using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Testing;

/// <summary>Compares two snapshots node by node, by id, so the order a store returned its nodes in does not matter.</summary>
public static class SnapshotAssert
{
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
    }

    /// <summary>Every column of a node as text, so a failure shows the whole node and which column differs.</summary>
    static string Node(GraphSnapshot s, int v) =>
        $"{s.Ids[v]} {s.Labels[v]} name={s.Names[v]} province={s.Provinces[v]} city={s.Cities[v]} country={s.Countries[v]} " +
        $"tags=[{string.Join(',', s.Tags[v])}] stage={s.Stages[v]} order={s.Orders[v]} match={s.Matches[v]} sector={s.Sectors[v]} capacity={s.Capacities[v]}";

    static string[] Edges(GraphSnapshot s, CsrAdjacency adjacency, int v)
    {
        var neighbours = adjacency.Neighbours(v);
        var weights = adjacency.WeightsOf(v);
        var edges = new string[neighbours.Length];
        for (var i = 0; i < edges.Length; i++) edges[i] = $"{s.Ids[neighbours[i]]} weight={weights[i]}";
        return [.. edges.Order(StringComparer.Ordinal)];
    }
}
