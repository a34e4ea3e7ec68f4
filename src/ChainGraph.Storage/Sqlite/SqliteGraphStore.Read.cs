using System.Runtime.CompilerServices;
using ChainGraph.Model;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<GraphNode?> GetNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, label, props FROM nodes WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadNode(reader, 0) : null;
    }

    public async Task<IReadOnlyList<GraphNode>> GetNodesAsync(NodeLabel label, int skip, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, label, props FROM nodes WHERE label = $label ORDER BY id LIMIT $limit OFFSET $skip";
        command.Parameters.AddWithValue("$label", GraphSchema.Name(label));
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$skip", skip);
        return await ReadNodesAsync(command, cancellationToken);
    }

    public async Task<NeighbourPage> GetNeighboursAsync(string id, NeighbourQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One query per direction, unioned: each arm walks its own index (rels_by_src / rels_by_dst).
        const string Outgoing = """
            SELECT 0 AS dir, r.type, r.props, n.id, n.label, n.props FROM rels r JOIN nodes n ON n.nid = r.dst
            WHERE r.src = (SELECT nid FROM nodes WHERE id = $id) AND ($type IS NULL OR r.type = $type)
            """;
        const string Incoming = """
            SELECT 1 AS dir, r.type, r.props, n.id, n.label, n.props FROM rels r JOIN nodes n ON n.nid = r.src
            WHERE r.dst = (SELECT nid FROM nodes WHERE id = $id) AND ($type IS NULL OR r.type = $type)
            """;
        var arms = query.Direction switch
        {
            Direction.Outgoing => Outgoing,
            Direction.Incoming => Incoming,
            _ => $"{Outgoing} UNION ALL {Incoming}",
        };
        command.CommandText = $"SELECT count(*) FROM ({arms}); SELECT * FROM ({arms}) ORDER BY dir, type, id LIMIT $limit OFFSET $skip";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$type", query.Type is { } t ? GraphSchema.Name(t) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.Parameters.AddWithValue("$skip", query.Skip);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<Neighbour>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var outgoing = reader.GetInt32(0) == 0;
            var type = StoredSchema.RelType(reader.GetString(1));
            var node = ReadNode(reader, 3);
            var properties = PropertyJson.Deserialize(reader.GetString(2), p => GraphSchema.TypeOf(type, p));
            var rel = outgoing ? new GraphRelationship(type, id, node.Id, properties) : new GraphRelationship(type, node.Id, id, properties);
            items.Add(new Neighbour(node, rel, outgoing ? Direction.Outgoing : Direction.Incoming));
        }
        return new NeighbourPage(items, total);
    }

    public async Task<IReadOnlyList<GraphNode>> SearchAsync(string text, NodeLabel? label, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, label, props FROM nodes
            WHERE (search LIKE $contains ESCAPE '\' OR id = $text) AND ($label IS NULL OR label = $label)
            ORDER BY CASE WHEN name = $text OR id = $text OR search = $folded THEN 0 WHEN search LIKE $prefix ESCAPE '\' THEN 1 ELSE 2 END, length(name), name
            LIMIT $limit
            """;
        // Names and query are compared folded: full-width = half-width, traditional = simplified, any case.
        var folded = Model.Search.SearchText.Fold(text);
        var escaped = folded.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$folded", folded);
        command.Parameters.AddWithValue("$contains", $"%{escaped}%");
        command.Parameters.AddWithValue("$prefix", $"{escaped}%");
        command.Parameters.AddWithValue("$label", label is { } l ? GraphSchema.Name(l) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadNodesAsync(command, cancellationToken);
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return GraphStats.From(
            await CountAsync(connection, "SELECT label, count(*) FROM nodes GROUP BY label", cancellationToken),
            await CountAsync(connection, "SELECT type, count(*) FROM rels GROUP BY type", cancellationToken));
    }

    public async Task<long?> GetChangeStampAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ChangeStampAsync(connection, cancellationToken);
    }

    /// <summary>The stamp of the last write; 0 for a store not written since it had one.</summary>
    static async Task<long> ChangeStampAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT value FROM meta WHERE key = 'stamp'), 0)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, label, props FROM nodes ORDER BY nid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return ReadNode(reader, 0);
    }

    public async IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.type, s.id, d.id, r.props FROM rels r
            JOIN nodes s ON s.nid = r.src JOIN nodes d ON d.nid = r.dst ORDER BY r.type, r.src, r.dst
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = StoredSchema.RelType(reader.GetString(0));
            var properties = PropertyJson.Deserialize(reader.GetString(3), p => GraphSchema.TypeOf(type, p));
            yield return new GraphRelationship(type, reader.GetString(1), reader.GetString(2), properties);
        }
    }

    static async Task<IReadOnlyList<GraphNode>> ReadNodesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var nodes = new List<GraphNode>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) nodes.Add(ReadNode(reader, 0));
        return nodes;
    }

    static async Task<Dictionary<string, long>> CountAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
