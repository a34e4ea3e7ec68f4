using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    static readonly string[] ColumnKeys = SnapshotColumns.Node.Select(c => c.Name).ToArray();

    /// <summary>Keeps nothing: a Neo4j server is shared, and each service reads it afresh at start.</summary>
    public Task KeepSnapshotAsync(GraphSnapshot snapshot, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Reads the whole graph a page at a time: nodes (only the columns the snapshot keeps), then
    /// relationships by start node. Pages are separate transactions, so an edge written meanwhile
    /// to a node not yet read is left out, as it would be had the snapshot been taken a moment earlier.
    /// The change stamp is read first: a write committed during the read then leaves the snapshot
    /// with an older stamp than the store's, and a watching service reads the graph again.
    /// </summary>
    /// <exception cref="GraphStoreException">A relationship type outside the graph contract (<see cref="GraphStoreException.UnknownType"/>).</exception>
    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var builder = new SnapshotBuilder { ChangeStamp = await GetChangeStampAsync(cancellationToken) };
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        await AddNodesAsync(builder, index, cancellationToken);
        await foreach (var page in ReadRelationshipPagesAsync(cancellationToken))
        {
            var (type, start, end, props) = (page.IndexOf("type"), page.IndexOf("start"), page.IndexOf("end"), page.IndexOf("props"));
            foreach (var row in page.Rows)
            {
                // A start node without relationships comes back as one row of nulls.
                if (Text(row[type]) is not { } typeName) continue;
                var relType = StoredSchema.RelType(typeName);
                if (!index.TryGetValue(row[start].GetString()!, out var source) || !index.TryGetValue(row[end].GetString()!, out var target)) continue;
                var properties = row[props];
                builder.AddEdge(relType, source, target, key => properties.TryGetProperty(key, out var value) ? Value(value) : null);
            }
        }
        return builder.Build();
    }

    async Task AddNodesAsync(SnapshotBuilder builder, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        var statement = CypherCatalog.Get("snapshot-nodes");
        for (var after = ""; ;)
        {
            var page = await client.RunAsync(statement, Parameters(("after", after), ("limit", batchSize), ("keys", ColumnKeys)), cancellationToken);
            if (page.Rows.Count == 0) return;
            var (id, labels, name, columns) = (page.IndexOf("id"), page.IndexOf("labels"), page.IndexOf("name"), page.IndexOf("columns"));
            foreach (var row in page.Rows)
            {
                var nodeId = row[id].GetString()!;
                var values = row[columns];
                index[nodeId] = builder.AddNode(nodeId, LabelOf(nodeId, row[labels]), Text(row[name]) ?? nodeId,
                    key => Value(values[SnapshotColumns.IndexOf(key)]));
            }
            after = page.Rows[^1][id].GetString()!;
        }
    }

    static object? Value(JsonElement value) => PropertyValues.TryFromJson(value, out var property, out _) ? property : null;
}
