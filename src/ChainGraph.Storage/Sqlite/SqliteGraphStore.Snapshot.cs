using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>Where the <see cref="SnapshotColumns.Node"/> columns start in a row of the node query.</summary>
    const int FirstColumn = 4;

    /// <summary>
    /// The snapshot image beside the store (<see cref="SnapshotImage"/>), read instead of the store
    /// while the store's stamp is the one the image was made at.
    /// </summary>
    public string ImagePath => Path + ".snapshot";

    /// <summary>
    /// The image when it holds the store's stamp; else the store's nodes and relationships, of which an
    /// image is then made for the next start. SQLite extracts the snapshot's columns from each JSON
    /// object itself (the paths travel as parameters), so no node's whole property object is parsed here.
    /// </summary>
    /// <exception cref="GraphStoreException">A label or relationship type outside the graph contract (<see cref="GraphStoreException.UnknownType"/>).</exception>
    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One read transaction: the nodes, the relationships and the stamp of one commit.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var stamp = await ChangeStampAsync(connection, cancellationToken);
        if (await ReadImageAsync(stamp) is { } image) return image;
        var builder = new SnapshotBuilder { ChangeStamp = stamp };
        var indexByNid = await AddNodesAsync(connection, builder, cancellationToken);
        await AddEdgesAsync(connection, builder, indexByNid, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var snapshot = builder.Build();
        await KeepSnapshotAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>Writes the snapshot's image beside the store, whole or not at all, when it holds the store's stamp.</summary>
    public async Task KeepSnapshotAsync(GraphSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.ChangeStamp != await GetChangeStampAsync(cancellationToken)) return;
        var temporary = $"{ImagePath}.{Environment.ProcessId}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
                SnapshotImage.Write(snapshot, file);
            File.Move(temporary, ImagePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The image only saves time at the next start; a store in a read-only folder or a full disk goes without it.
            File.Delete(temporary);
        }
    }

    async Task<GraphSnapshot?> ReadImageAsync(long stamp)
    {
        try
        {
            return await SnapshotImage.ReadAsync(ImagePath, stamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // No image, or a damaged one: the store itself is the truth.
            return null;
        }
    }

    static async Task<int[]> AddNodesAsync(SqliteConnection connection, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var columns = new string[SnapshotColumns.Node.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.AddWithValue($"@column{i}", JsonPath(SnapshotColumns.Node[i].Name));
            // An array comes back as its JSON text, anything else as the SQL value it holds.
            columns[i] = SnapshotColumns.Node[i].Type == PropertyType.StringArray ? $"props -> @column{i}" : $"props ->> @column{i}";
        }
        command.CommandText = $"SELECT nid, id, label, name, {string.Join(", ", columns)} FROM nodes ORDER BY nid";
        var indexByNid = new int[1024];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Func<string, object?> property = key => ColumnValue(reader, SnapshotColumns.IndexOf(key));
        while (await reader.ReadAsync(cancellationToken))
        {
            var nid = reader.GetInt64(0);
            var id = reader.GetString(1);
            var label = StoredSchema.Label(reader.GetString(2));
            if (nid >= indexByNid.Length) Array.Resize(ref indexByNid, (int)Math.Max(nid + 1, indexByNid.Length * 2L));
            indexByNid[nid] = builder.AddNode(id, label, reader.GetString(3), property);
        }
        return indexByNid;
    }

    static async Task AddEdgesAsync(SqliteConnection connection, SnapshotBuilder builder, int[] indexByNid, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT type, src, dst, {WeightColumn(command)} FROM rels";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? lastTypeName = null;
        var type = default(RelType);
        while (await reader.ReadAsync(cancellationToken))
        {
            var typeName = reader.GetString(0);
            if (typeName != lastTypeName) type = StoredSchema.RelType(lastTypeName = typeName);
            var weight = SnapshotColumns.Weight(reader.IsDBNull(3) ? null : reader.GetValue(3));
            builder.AddEdge(type, indexByNid[reader.GetInt64(1)], indexByNid[reader.GetInt64(2)], weight);
        }
    }

    /// <summary>Each type's weight property (<see cref="SnapshotColumns.WeightProperty"/>); types and paths travel as parameters.</summary>
    static string WeightColumn(SqliteCommand command)
    {
        var cases = new List<string>();
        foreach (var type in GraphSchema.RelTypes)
        {
            if (SnapshotColumns.WeightProperty(type) is not { } key) continue;
            command.Parameters.AddWithValue($"@type{cases.Count}", GraphSchema.Name(type));
            command.Parameters.AddWithValue($"@weight{cases.Count}", JsonPath(key));
            cases.Add($"WHEN @type{cases.Count} THEN props ->> @weight{cases.Count}");
        }
        return $"CASE type {string.Join(' ', cases)} END";
    }

    static string JsonPath(string key) => $"$.\"{key}\"";

    static object? ColumnValue(SqliteDataReader reader, int column)
    {
        var ordinal = FirstColumn + column;
        if (reader.IsDBNull(ordinal)) return null;
        if (SnapshotColumns.Node[column].Type != PropertyType.StringArray) return reader.GetValue(ordinal);
        using var document = JsonDocument.Parse(reader.GetString(ordinal));
        return PropertyValues.TryFromJson(document.RootElement, out var value, out _) ? value : null;
    }
}
