using ChainGraph.Model;
using ChainGraph.Model.Import;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    const int ProgressEvery = 10_000;
    const int BulkLoadRows = 50_000;

    // The row loops below call the synchronous Execute methods: Microsoft.Data.Sqlite runs the
    // async ones synchronously anyway, and a Task per row is measurable on a 300k-row import.

    public async Task<IReadOnlyDictionary<string, NodeLabel>> GetLabelsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var connection = await OpenAsync(cancellationToken);
        var found = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        // The largest rowid bounds the node count from a B-tree's edge: count(*) would read every row on every write.
        command.CommandText = "SELECT coalesce(max(nid), 0) FROM nodes";
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (stored == 0) return found;

        // Many ids against a small store: one scan beats a lookup per id.
        var scan = ids.Count > stored / 4;
        command.CommandText = scan ? "SELECT id, label FROM nodes" : "SELECT id, label FROM nodes WHERE id = $id";
        var idParameter = command.Parameters.Add("$id", SqliteType.Text);
        var wanted = scan ? ids as IReadOnlySet<string> ?? ids.ToHashSet(StringComparer.Ordinal) : null;
        foreach (var id in scan ? [""] : ids)
        {
            idParameter.Value = id;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var nodeId = reader.GetString(0);
                if (wanted is null || wanted.Contains(nodeId)) found[nodeId] = StoredSchema.Label(reader.GetString(1));
            }
        }
        return found;
    }

    public async Task WriteAsync(ImportPlan plan, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await OpenAsync(cancellationToken);
        // A large import touches every index page; a page cache that holds them avoids spilling to the WAL mid-transaction.
        await ExecuteAsync(connection, "PRAGMA cache_size = -262144", cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var total = (long)plan.Nodes.Count + plan.Relationships.Count;
            // Into an empty store, building the secondary indexes once at the end beats updating them row by row;
            // DDL is transactional in SQLite, so a killed import still leaves them as they were.
            var rebuildIndexes = total >= BulkLoadRows && await IsEmptyAsync(connection, cancellationToken);
            if (rebuildIndexes) await ExecuteAsync(connection, DropIndexes, cancellationToken);
            long written = 0;
            Remove(connection, plan);
            var nids = await UpsertNodesAsync(connection, plan.Nodes, () => Report(++written), cancellationToken);
            await UpsertRelationshipsAsync(connection, plan.Relationships, nids, () => Report(++written), cancellationToken);
            if (rebuildIndexes) await ExecuteAsync(connection, Indexes, cancellationToken);
            await ExecuteAsync(connection, NextChangeStamp, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new WriteProgress(total, total));

            void Report(long done)
            {
                if (done % ProgressEvery == 0) progress?.Report(new WriteProgress(done, total));
            }
        }
        catch (SqliteException e)
        {
            throw Wrap(e);
        }
    }

    static async Task<bool> IsEmptyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM nodes)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    static async Task<Dictionary<string, long>> UpsertNodesAsync(SqliteConnection connection, IReadOnlyList<GraphNode> nodes,
        Action written, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        // An update of a node that exists may carry no name ($name null): the stored name and its search text stay.
        upsert.CommandText = """
            INSERT INTO nodes (id, label, name, props, search) VALUES ($id, $label, coalesce($name, $id), $props, $search)
            ON CONFLICT (id) DO UPDATE SET name = coalesce($name, nodes.name), props = json_patch(nodes.props, excluded.props),
                search = CASE WHEN $name IS NULL THEN nodes.search ELSE excluded.search END
            RETURNING nid
            """;
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var label = upsert.Parameters.Add("$label", SqliteType.Text);
        var name = upsert.Parameters.Add("$name", SqliteType.Text);
        var props = upsert.Parameters.Add("$props", SqliteType.Text);
        var search = upsert.Parameters.Add("$search", SqliteType.Text);
        var nids = new Dictionary<string, long>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            id.Value = node.Id;
            label.Value = GraphSchema.Name(node.Label);
            name.Value = node.GetString("name") is { } named ? named : DBNull.Value;
            search.Value = Model.Search.SearchText.Fold(node.Name);
            props.Value = PropertyJson.Serialize(node.Properties);
            nids[node.Id] = (long)upsert.ExecuteScalar()!;
            written();
        }
        return nids;
    }

    /// <summary>Takes off stored nodes the properties and relationships the plan removes; a JSON merge patch's null removes a key.</summary>
    static void Remove(SqliteConnection connection, ImportPlan plan)
    {
        using var properties = connection.CreateCommand();
        properties.CommandText = "UPDATE nodes SET props = json_patch(props, $nulls) WHERE id = $id";
        var nodeId = properties.Parameters.Add("$id", SqliteType.Text);
        var nulls = properties.Parameters.Add("$nulls", SqliteType.Text);
        foreach (var removal in plan.RemovedProperties)
        {
            nodeId.Value = removal.Id;
            nulls.Value = PropertyJson.Nulls(removal.Keys);
            properties.ExecuteNonQuery();
        }
        using var relationships = connection.CreateCommand();
        relationships.CommandText = """
            DELETE FROM rels WHERE type = $type
              AND src = (SELECT nid FROM nodes WHERE id = $start)
              AND dst = (SELECT nid FROM nodes WHERE id = $end)
            """;
        var type = relationships.Parameters.Add("$type", SqliteType.Text);
        var start = relationships.Parameters.Add("$start", SqliteType.Text);
        var end = relationships.Parameters.Add("$end", SqliteType.Text);
        foreach (var key in plan.RemovedRelationships)
        {
            (type.Value, start.Value, end.Value) = (GraphSchema.Name(key.Type), key.StartId, key.EndId);
            relationships.ExecuteNonQuery();
        }
    }

    static async Task UpsertRelationshipsAsync(SqliteConnection connection, IReadOnlyList<GraphRelationship> relationships,
        Dictionary<string, long> nids, Action written, CancellationToken cancellationToken)
    {
        await using var lookup = connection.CreateCommand();
        lookup.CommandText = "SELECT nid FROM nodes WHERE id = $id";
        var lookupId = lookup.Parameters.Add("$id", SqliteType.Text);
        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO rels (type, src, dst, props) VALUES ($type, $src, $dst, $props)
            ON CONFLICT (type, src, dst) DO UPDATE SET props = json_patch(rels.props, excluded.props)
            """;
        var type = upsert.Parameters.Add("$type", SqliteType.Text);
        var src = upsert.Parameters.Add("$src", SqliteType.Integer);
        var dst = upsert.Parameters.Add("$dst", SqliteType.Integer);
        var props = upsert.Parameters.Add("$props", SqliteType.Text);
        foreach (var rel in relationships)
        {
            type.Value = GraphSchema.Name(rel.Type);
            src.Value = Nid(rel.StartId);
            dst.Value = Nid(rel.EndId);
            props.Value = PropertyJson.Serialize(rel.Properties);
            upsert.ExecuteNonQuery();
            written();
        }

        long Nid(string nodeId)
        {
            if (nids.TryGetValue(nodeId, out var nid)) return nid;
            lookupId.Value = nodeId;
            nid = lookup.ExecuteScalar() is long found
                ? found
                : throw new GraphStoreException($"Node '{nodeId}' does not exist.", "NODE_NOT_FOUND", isTransient: false);
            nids[nodeId] = nid;
            return nid;
        }
    }

    public async Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM rels WHERE src = (SELECT nid FROM nodes WHERE id = $id) OR dst = (SELECT nid FROM nodes WHERE id = $id);
            DELETE FROM nodes WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "SELECT changes()";
        var deleted = (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        if (deleted) await ExecuteAsync(connection, NextChangeStamp, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<bool> DeleteRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM rels WHERE type = $type
              AND src = (SELECT nid FROM nodes WHERE id = $start)
              AND dst = (SELECT nid FROM nodes WHERE id = $end)
            """;
        command.Parameters.AddWithValue("$type", GraphSchema.Name(key.Type));
        command.Parameters.AddWithValue("$start", key.StartId);
        command.Parameters.AddWithValue("$end", key.EndId);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (deleted) await ExecuteAsync(connection, NextChangeStamp, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
