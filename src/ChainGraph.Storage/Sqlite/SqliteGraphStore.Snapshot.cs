using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT nid, id, label, name, props ->> '$.province', props ->> '$.city', props ->> '$.country', props -> '$.tags',
                   props ->> '$.stage', CAST(props ->> '$.order' AS INTEGER), props ->> '$.match', props ->> '$.sector',
                   CAST(props ->> '$.capacity' AS REAL)
            FROM nodes ORDER BY nid
            """;
        var builder = new SnapshotBuilder();
        var indexByNid = new int[1024];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var nid = reader.GetInt64(0);
                if (nid >= indexByNid.Length) Array.Resize(ref indexByNid, (int)Math.Max(nid + 1, indexByNid.Length * 2L));
                indexByNid[nid] = builder.AddNode(reader.GetString(1), Enum.Parse<NodeLabel>(reader.GetString(2)), reader.GetString(3),
                    Text(reader, 4), Text(reader, 5), Text(reader, 6), reader.IsDBNull(7) ? null : Tags(reader.GetString(7)),
                    Text(reader, 8), reader.IsDBNull(9) ? 0 : (int)reader.GetInt64(9), Text(reader, 10), Text(reader, 11),
                    reader.IsDBNull(12) ? double.NaN : reader.GetDouble(12));
            }
        }

        command.CommandText = $"SELECT type, src, dst, {WeightColumn()} FROM rels";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            string? lastTypeName = null;
            var type = default(RelType);
            while (await reader.ReadAsync(cancellationToken))
            {
                var typeName = reader.GetString(0);
                if (typeName != lastTypeName) GraphSchema.TryParseRelType(lastTypeName = typeName, out type);
                var weight = reader.IsDBNull(3) ? float.NaN : (float)reader.GetDouble(3);
                builder.AddEdge(type, indexByNid[reader.GetInt64(1)], indexByNid[reader.GetInt64(2)], weight);
            }
        }
        return builder.Build();
    }

    /// <summary>The weight of each type, from the schema: a fixed expression, never user input.</summary>
    static string WeightColumn()
    {
        var cases = GraphSchema.RelTypes.Select(GraphSchema.Spec).Where(s => s.WeightProperty is not null)
            .Select(s => $"WHEN '{s.Name}' THEN props ->> '$.{s.WeightProperty}'");
        return $"CASE type {string.Join(' ', cases)} END";
    }

    static string? Text(Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    static string[]? Tags(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : null;
    }
}
