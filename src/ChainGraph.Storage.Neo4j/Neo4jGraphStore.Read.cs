using System.Runtime.CompilerServices;
using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<GraphNode?> GetNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var result = await client.RunAsync(CypherCatalog.Get("get-node"), Parameters(("id", id)), cancellationToken);
        return result.Rows.Count == 0 ? null : NodeColumns.Of(result).Read(result.Rows[0]);
    }

    public async Task<IReadOnlyList<GraphNode>> GetNodesAsync(NodeLabel label, int skip, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // One statement per label: a label cannot be a parameter (graph/queries/get-nodes-*.cypher).
        var statement = CypherCatalog.Get($"get-nodes-{GraphSchema.Name(label)}");
        var result = await client.RunAsync(statement, Parameters(("skip", skip), ("limit", limit)), cancellationToken);
        var columns = NodeColumns.Of(result);
        return result.Rows.Select(columns.Read).ToList();
    }

    public async Task<NeighbourPage> GetNeighboursAsync(string id, NeighbourQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(query);
        var result = await client.RunAsync(CypherCatalog.Get("get-neighbours"), Parameters(
            ("id", id), ("type", query.Type is { } t ? GraphSchema.Name(t) : null), ("direction", query.Direction.ToString()),
            ("skip", query.Skip), ("limit", query.Limit)), cancellationToken);
        if (result.Rows.Count == 0) return new NeighbourPage([], 0);
        var row = result.Rows[0];
        var items = row[result.IndexOf("items")].EnumerateArray().Select(item => ReadNeighbour(id, item)).ToList();
        return new NeighbourPage(items, row[result.IndexOf("total")].GetInt32());
    }

    static Neighbour ReadNeighbour(string id, JsonElement item)
    {
        var node = ReadNode(item.GetProperty("id"), item.GetProperty("labels"), item.GetProperty("props"));
        var type = StoredSchema.RelType(item.GetProperty("type").GetString()!);
        var properties = PropertyJson.Read(item.GetProperty("relProps"), p => GraphSchema.TypeOf(type, p));
        var outgoing = item.GetProperty("outgoing").GetBoolean();
        var rel = outgoing ? new GraphRelationship(type, id, node.Id, properties) : new GraphRelationship(type, node.Id, id, properties);
        return new Neighbour(node, rel, outgoing ? Direction.Outgoing : Direction.Incoming);
    }

    public async Task<IReadOnlyList<GraphNode>> SearchAsync(string text, NodeLabel? label, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var result = await client.RunAsync(CypherCatalog.Get("search"), Parameters(
            ("text", text), ("label", label is { } l ? GraphSchema.Name(l) : null), ("limit", limit)), cancellationToken);
        var columns = NodeColumns.Of(result);
        return result.Rows.Select(columns.Read).ToList();
    }

    /// <summary>The stamp every write transaction renews (graph/queries/get-change-stamp.cypher); 0 before the first.</summary>
    public async Task<long?> GetChangeStampAsync(CancellationToken cancellationToken = default)
    {
        var result = await client.RunAsync(CypherCatalog.Get("get-change-stamp"), null, cancellationToken);
        return result.Scalar("stamp")?.GetInt64() ?? 0;
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await client.RunAsync(CypherCatalog.Get("count-nodes"), null, cancellationToken);
        var relationships = await client.RunAsync(CypherCatalog.Get("count-relationships"), null, cancellationToken);
        return GraphStats.From(Counts(nodes, "label"), Counts(relationships, "type"));
    }

    static Dictionary<string, long> Counts(QueryResult result, string key)
    {
        var (name, count) = (result.IndexOf(key), result.IndexOf("count"));
        return result.Rows.ToDictionary(r => r[name].GetString()!, r => r[count].GetInt64(), StringComparer.Ordinal);
    }

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var statement = CypherCatalog.Get("read-nodes");
        for (var after = ""; ;)
        {
            var result = await client.RunAsync(statement, Parameters(("after", after), ("limit", batchSize)), cancellationToken);
            if (result.Rows.Count == 0) yield break;
            var columns = NodeColumns.Of(result);
            foreach (var row in result.Rows) yield return columns.Read(row);
            after = result.Rows[^1][columns.Id].GetString()!;
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadRelationshipPagesAsync(cancellationToken))
        {
            var (type, start, end, props) = (page.IndexOf("type"), page.IndexOf("start"), page.IndexOf("end"), page.IndexOf("props"));
            foreach (var row in page.Rows)
            {
                // A start node without relationships comes back as one row of nulls.
                if (Text(row[type]) is not { } typeName) continue;
                var relType = StoredSchema.RelType(typeName);
                var properties = PropertyJson.Read(row[props], p => GraphSchema.TypeOf(relType, p));
                yield return new GraphRelationship(relType, row[start].GetString()!, row[end].GetString()!, properties);
            }
        }
    }

    /// <summary>Every relationship, a page of start nodes at a time (graph/queries/read-relationships.cypher).</summary>
    async IAsyncEnumerable<QueryResult> ReadRelationshipPagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = CypherCatalog.Get("read-relationships");
        for (var after = ""; ;)
        {
            var result = await client.RunAsync(statement, Parameters(("after", after), ("limit", batchSize)), cancellationToken);
            if (result.Rows.Count == 0) yield break;
            yield return result;
            after = result.Rows[0][result.IndexOf("last")].GetString()!;
        }
    }
}
