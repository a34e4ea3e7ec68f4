using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Reads the whole graph a page at a time: nodes (only the columns the snapshot keeps), then
    /// relationships by start node. Pages are separate transactions, so an edge written meanwhile
    /// to a node not yet read is left out, as it would be had the snapshot been taken a moment earlier.
    /// </summary>
    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var builder = new SnapshotBuilder();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        await AddNodesAsync(builder, index, cancellationToken);
        await foreach (var page in ReadRelationshipPagesAsync(cancellationToken))
        {
            var (type, start, end, props) = (page.IndexOf("type"), page.IndexOf("start"), page.IndexOf("end"), page.IndexOf("props"));
            foreach (var row in page.Rows)
            {
                if (Text(row[type]) is not { } typeName || !GraphSchema.TryParseRelType(typeName, out var relType)) continue;
                if (!index.TryGetValue(row[start].GetString()!, out var source) || !index.TryGetValue(row[end].GetString()!, out var target)) continue;
                var weight = GraphSchema.Spec(relType).WeightProperty is { } key && row[props].TryGetProperty(key, out var value)
                    && value.ValueKind == JsonValueKind.Number ? (float)value.GetDouble() : float.NaN;
                builder.AddEdge(relType, source, target, weight);
            }
        }
        return builder.Build();
    }

    async Task AddNodesAsync(SnapshotBuilder builder, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        var statement = CypherCatalog.Get("snapshot-nodes");
        for (var after = ""; ;)
        {
            var page = await client.RunAsync(statement, Parameters(("after", after), ("limit", batchSize)), cancellationToken);
            if (page.Rows.Count == 0) return;
            var (id, labels, name, province, city) = (page.IndexOf("id"), page.IndexOf("labels"), page.IndexOf("name"), page.IndexOf("province"), page.IndexOf("city"));
            var (country, tags, stage, order) = (page.IndexOf("country"), page.IndexOf("tags"), page.IndexOf("stage"), page.IndexOf("segmentOrder"));
            var (match, sector, capacity) = (page.IndexOf("match"), page.IndexOf("sector"), page.IndexOf("capacity"));
            foreach (var row in page.Rows)
            {
                var nodeId = row[id].GetString()!;
                var nodeTags = row[tags].ValueKind == JsonValueKind.Array
                    ? row[tags].EnumerateArray().Select(Text).OfType<string>().ToArray() : null;
                index[nodeId] = builder.AddNode(nodeId, LabelOf(nodeId, row[labels]), Text(row[name]) ?? nodeId, Text(row[province]),
                    Text(row[city]), Text(row[country]), nodeTags, Text(row[stage]),
                    row[order].ValueKind == JsonValueKind.Number ? (int)row[order].GetDouble() : 0, Text(row[match]), Text(row[sector]),
                    row[capacity].ValueKind == JsonValueKind.Number ? row[capacity].GetDouble() : double.NaN);
            }
            after = page.Rows[^1][id].GetString()!;
        }
    }
}
