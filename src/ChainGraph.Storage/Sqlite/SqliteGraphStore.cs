using ChainGraph.Model;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Nodes keep their properties as a
/// JSON object; each relationship is unique per (type, start, end). Every write is one
/// transaction, so a killed process leaves the file as it was before that write.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS nodes (
            nid   INTEGER PRIMARY KEY,
            id    TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            name  TEXT NOT NULL,
            props TEXT NOT NULL,
            search TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS rels (
            type  TEXT NOT NULL,
            src   INTEGER NOT NULL REFERENCES nodes (nid),
            dst   INTEGER NOT NULL REFERENCES nodes (nid),
            props TEXT NOT NULL,
            PRIMARY KEY (type, src, dst)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta (key, value) VALUES ('stamp', random() >> 1);
        """;

    /// <summary>
    /// Every write transaction counts the change stamp up by one, from a random start: a service that
    /// knows the stamp before its own write tells from the stamp after it whether another process
    /// wrote in between. Random halved, so counting up never overflows.
    /// </summary>
    const string NextChangeStamp = "INSERT INTO meta (key, value) VALUES ('stamp', random() >> 1) ON CONFLICT (key) DO UPDATE SET value = meta.value + 1;";

    /// <summary>A restore starts a new random stamp: a restored backup, which brings its own, cannot bring back one a service saw.</summary>
    const string NewChangeStamp = "INSERT INTO meta (key, value) VALUES ('stamp', random() >> 1) ON CONFLICT (key) DO UPDATE SET value = excluded.value;";

    const string Indexes = """
        CREATE INDEX IF NOT EXISTS nodes_by_label ON nodes (label, id);
        CREATE INDEX IF NOT EXISTS nodes_by_name ON nodes (name);
        CREATE INDEX IF NOT EXISTS nodes_by_search ON nodes (search);
        CREATE INDEX IF NOT EXISTS rels_by_src ON rels (src, type);
        CREATE INDEX IF NOT EXISTS rels_by_dst ON rels (dst, type);
        """;

    const string DropIndexes = """
        DROP INDEX nodes_by_label; DROP INDEX nodes_by_name; DROP INDEX nodes_by_search; DROP INDEX rels_by_src; DROP INDEX rels_by_dst;
        """;

    readonly string connectionString;

    public SqliteGraphStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
        await AddSearchColumnAsync(connection, cancellationToken);
        await ExecuteAsync(connection, Indexes, cancellationToken);
    }

    /// <summary>Files made before search folding lack the folded-name column: add and fill it once.</summary>
    static async Task AddSearchColumnAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('nodes') WHERE name = 'search'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0) return;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "ALTER TABLE nodes ADD COLUMN search TEXT NOT NULL DEFAULT ''", cancellationToken);
        var names = new List<(long, string)>();
        await using var update = connection.CreateCommand();
        update.CommandText = "SELECT nid, name FROM nodes";
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) names.Add((reader.GetInt64(0), reader.GetString(1)));
        update.CommandText = "UPDATE nodes SET search = $search WHERE nid = $nid";
        var search = update.Parameters.Add("$search", SqliteType.Text);
        var nid = update.Parameters.Add("$nid", SqliteType.Integer);
        foreach (var (id, name) in names)
        {
            (nid.Value, search.Value) = (id, Model.Search.SearchText.Fold(name));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // FULL makes each commit durable across power loss, not only across a killed process.
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;", cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw Wrap(e);
        }
    }

    static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static GraphStoreException Wrap(SqliteException e) => e.SqliteErrorCode == 13 // SQLITE_FULL
        ? new($"The disk holding the store is full; nothing was written. Free some space and try again. (SQLite: {e.Message})",
            GraphStoreException.StorageFull, isTransient: true, e)
        : new($"SQLite error {e.SqliteErrorCode}: {e.Message}",
            $"SQLITE_{e.SqliteErrorCode}",
            isTransient: e.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
            e);

    static GraphNode ReadNode(SqliteDataReader reader, int first)
    {
        var label = StoredSchema.Label(reader.GetString(first + 1));
        var properties = PropertyJson.Deserialize(reader.GetString(first + 2), p => GraphSchema.TypeOf(label, p));
        return new GraphNode(reader.GetString(first), label, properties);
    }
}
