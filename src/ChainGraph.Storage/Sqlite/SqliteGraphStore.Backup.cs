using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Sqlite;

/// <summary>
/// Backup and restore with SQLite's online backup API. Both copy every page in one step
/// (<c>sqlite3_backup_step(-1)</c>), so each sees one committed state of its source: a backup
/// taken while <c>serve</c> writes holds the graph as of one commit (in WAL mode the writer goes on
/// meanwhile), and a restore replaces the live graph in one write transaction, so a reader sees
/// the old graph or the restored one, never a mix.
/// </summary>
public sealed partial class SqliteGraphStore
{
    static readonly (string Table, string[] Columns)[] RequiredTables =
    [
        ("nodes", ["nid", "id", "label", "name", "props"]),
        ("rels", ["type", "src", "dst", "props"]),
    ];

    /// <summary>
    /// Copies the store, as of its last commit, to <paramref name="path"/>: a single self-contained
    /// file (rollback journal, no <c>-wal</c> beside it) that <see cref="RestoreAsync"/> or <c>--db</c>
    /// can use. The copy is written next to <paramref name="path"/> and renamed over it when complete,
    /// so an earlier backup there stays intact until the new one is whole. A file at
    /// <paramref name="path"/> that is not a ChainGraph database is never overwritten.
    /// </summary>
    /// <returns>What the backup holds.</returns>
    /// <exception cref="FileNotFoundException">There is no store file to back up.</exception>
    /// <exception cref="InvalidDataException">Something other than a ChainGraph database is at <paramref name="path"/>.</exception>
    public async Task<GraphStats> BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = System.IO.Path.GetFullPath(path);
        if (SamePath(target, Path)) throw new InvalidRequestException("path", path, $"The backup file '{path}' is the store itself; name another file.");
        if (Directory.Exists(target))
            throw new InvalidRequestException("path", path, $"'{path}' is a folder; name the backup file, e.g. {System.IO.Path.Combine(path, "chaingraph-backup.db")}.");
        if (!File.Exists(Path)) throw new FileNotFoundException($"There is no store at '{Path}' to back up.", Path);
        try
        {
            await CheckTargetAsync(target, path, cancellationToken);
            return await CopyToAsync(target, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Wrap(e);
        }
    }

    static async Task CheckTargetAsync(string target, string path, CancellationToken cancellationToken)
    {
        if (File.Exists(target))
        {
            await using var existing = OpenFile(target, SqliteOpenMode.ReadOnly);
            try
            {
                await CheckAsync(existing, path, thorough: false, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"Refusing to overwrite '{path}': {e.Message}", e);
            }
        }
        if (System.IO.Path.GetDirectoryName(target) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
    }

    async Task<GraphStats> CopyToAsync(string target, CancellationToken cancellationToken)
    {
        var partial = $"{target}.partial-{Environment.ProcessId}";
        DeleteDatabaseFiles(partial);
        try
        {
            GraphStats stats;
            await using (var source = await OpenAsync(cancellationToken))
            await using (var copy = OpenFile(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await copy.OpenAsync(cancellationToken);
                // One step: the copy holds one read snapshot of the source. Writers in other
                // connections are not blocked (WAL), and nothing of theirs after that snapshot leaks in.
                await Task.Run(() => source.BackupDatabase(copy), cancellationToken);
                // The copied header says WAL; a backup is better as one file that needs nothing beside it.
                await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE", cancellationToken);
                stats = await StatsOfAsync(copy, cancellationToken);
            }
            File.Move(partial, target, overwrite: true);
            return stats;
        }
        finally
        {
            DeleteDatabaseFiles(partial);
        }
    }

    /// <summary>
    /// Replaces the whole graph in the store with the one in the backup at <paramref name="path"/>,
    /// in one write transaction: readers (a running <c>serve</c> included) see the graph before or
    /// after, never a mix, and a process killed mid-restore leaves the store as it was. The store
    /// file is created when it does not exist. The backup is checked first: a file that is not a
    /// ChainGraph database, or a damaged one, is refused and the store is not touched.
    /// </summary>
    /// <returns>What the store holds after the restore (the backup's graph).</returns>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a ChainGraph database, or is damaged, or cannot be restored into this store.</exception>
    public async Task<GraphStats> RestoreAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var source = System.IO.Path.GetFullPath(path);
        if (SamePath(source, Path)) throw new InvalidRequestException("path", path, $"The backup '{path}' is the store itself; there is nothing to restore.");
        if (Directory.Exists(source)) throw new InvalidRequestException("path", path, $"'{path}' is a folder, not a backup file.");
        if (!File.Exists(source)) throw new NotFoundException("path", path, $"There is no backup at '{path}'.");
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        try
        {
            await using var backup = OpenFile(source, SqliteOpenMode.ReadOnly);
            var stats = await CheckAsync(backup, path, thorough: true, cancellationToken);
            await using var store = await OpenAsync(cancellationToken);

            // A store in WAL mode cannot change its page size, and the backup API copies pages as they are.
            var backupPageSize = await ScalarAsync<long>(backup, "PRAGMA page_size", cancellationToken);
            var storePageSize = await ScalarAsync<long>(store, "PRAGMA page_size", cancellationToken);
            var storeJournal = await ScalarAsync<string>(store, "PRAGMA journal_mode", cancellationToken);
            if (backupPageSize != storePageSize && string.Equals(storeJournal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"'{path}' uses {backupPageSize}-byte pages and the store '{Path}' {storePageSize}-byte pages; a store in WAL mode "
                    + "cannot take another page size. Restore into a new file (--db NEW) and use that file instead.");
            }

            // One write transaction on the store: every page replaced, committed at once.
            await Task.Run(() => backup.BackupDatabase(store), cancellationToken);
            // A store created by this restore gets WAL mode; a backup without the indexes gets them back.
            await ExecuteAsync(store, Schema + Indexes + NewChangeStamp, cancellationToken);
            return stats;
        }
        catch (SqliteException e)
        {
            throw Wrap(e);
        }
    }

    /// <summary>
    /// Opens the connection to the file at <paramref name="shownPath"/> and checks that it is a ChainGraph store (its tables and columns; when
    /// <paramref name="thorough"/>, also SQLite's quick_check and every label and relationship type)
    /// and counts what it holds.
    /// </summary>
    static async Task<GraphStats> CheckAsync(SqliteConnection connection, string shownPath, bool thorough, CancellationToken cancellationToken)
    {
        string NotChainGraph(string why) => $"'{shownPath}' is not a ChainGraph database: {why}.";
        if (new FileInfo(System.IO.Path.GetFullPath(shownPath)).Length == 0) throw new InvalidDataException(NotChainGraph("the file is empty"));
        try
        {
            // Opening is lazy: a file that is not a database fails on the first statement, turned into a clear message below.
            await connection.OpenAsync(cancellationToken);
            foreach (var (table, columns) in RequiredTables)
            {
                var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "SELECT name FROM pragma_table_info($table)";
                    command.Parameters.AddWithValue("$table", table);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken)) present.Add(reader.GetString(0));
                }
                if (present.Count == 0) throw new InvalidDataException(NotChainGraph($"it has no '{table}' table"));
                var missing = columns.Where(c => !present.Contains(c)).ToList();
                if (missing.Count > 0)
                    throw new InvalidDataException(NotChainGraph($"its '{table}' table lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}"));
            }
            if (thorough)
            {
                var check = await ScalarAsync<string>(connection, "PRAGMA quick_check(1)", cancellationToken);
                if (check != "ok") throw new InvalidDataException($"'{shownPath}' is a damaged database (SQLite quick_check: {check}).");
                var labels = await DistinctAsync(connection, "SELECT DISTINCT label FROM nodes", cancellationToken);
                if (labels.FirstOrDefault(l => !GraphSchema.TryParseLabel(l, out _)) is { } label)
                    throw new InvalidDataException(NotChainGraph($"it has nodes with the unknown label '{label}'"));
                var types = await DistinctAsync(connection, "SELECT DISTINCT type FROM rels", cancellationToken);
                if (types.FirstOrDefault(t => !GraphSchema.TryParseRelType(t, out _)) is { } type)
                    throw new InvalidDataException(NotChainGraph($"it has relationships of the unknown type '{type}'"));
                if (await FirstUnsoundAsync(connection, cancellationToken) is { } unsound) throw new InvalidDataException($"'{shownPath}' is not a sound graph: {unsound}.");
            }
            return await StatsOfAsync(connection, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26) // SQLITE_NOTADB
        {
            throw new InvalidDataException(NotChainGraph("it is not a SQLite database file"), e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 11) // SQLITE_CORRUPT
        {
            throw new InvalidDataException($"'{shownPath}' is a damaged database: {e.Message}", e);
        }
    }

    /// <summary>
    /// What makes a database with the right tables an unsound graph, or null: a relationship whose end
    /// is missing, properties that are not a JSON object, a relationship between labels its type does
    /// not join, a property of the wrong type. O(V + E): every property object is read once.
    /// </summary>
    static async Task<string?> FirstUnsoundAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.type, coalesce(s.id, '#' || r.src), coalesce(d.id, '#' || r.dst) FROM rels r
            LEFT JOIN nodes s ON s.nid = r.src LEFT JOIN nodes d ON d.nid = r.dst
            WHERE s.nid IS NULL OR d.nid IS NULL LIMIT 1
            """;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken))
                return $"a {reader.GetString(0)} relationship from '{reader.GetString(1)}' to '{reader.GetString(2)}' names a node that is not there";
        command.CommandText = "SELECT DISTINCT r.type, s.label, d.label FROM rels r JOIN nodes s ON s.nid = r.src JOIN nodes d ON d.nid = r.dst";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var spec = GraphSchema.Spec(StoredSchema.RelType(reader.GetString(0)));
                var (start, end) = (StoredSchema.Label(reader.GetString(1)), StoredSchema.Label(reader.GetString(2)));
                if (!spec.StartLabels.Contains(start) || !spec.EndLabels.Contains(end))
                    return $"it has {reader.GetString(0)} relationships from {start} to {end}, which that type does not join";
            }
        }
        command.CommandText = "SELECT id, label, props FROM nodes";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, label) = (reader.GetString(0), StoredSchema.Label(reader.GetString(1)));
                if (Properties(reader.GetString(2), p => GraphSchema.TypeOf(label, p)) is not { } properties) return $"node '{id}' has properties that are not a JSON object";
                if (GraphValidator.CheckNode(label, properties, partial: true) is { } error) return $"node '{id}': {error}";
            }
        }
        command.CommandText = "SELECT r.type, s.id, d.id, r.props FROM rels r JOIN nodes s ON s.nid = r.src JOIN nodes d ON d.nid = r.dst";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var type = StoredSchema.RelType(reader.GetString(0));
                var what = $"the {reader.GetString(0)} relationship from '{reader.GetString(1)}' to '{reader.GetString(2)}'";
                if (Properties(reader.GetString(3), p => GraphSchema.TypeOf(type, p)) is not { } properties) return $"{what} has properties that are not a JSON object";
                if (GraphValidator.CheckRelationship(type, properties) is { } error) return $"{what}: {error}";
            }
        }
        return null;

        static Dictionary<string, object>? Properties(string json, Func<string, PropertyType?> typeOf)
        {
            try
            {
                return PropertyJson.Deserialize(json, typeOf);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    static async Task<GraphStats> StatsOfAsync(SqliteConnection connection, CancellationToken cancellationToken) => GraphStats.From(
        await CountAsync(connection, "SELECT label, count(*) FROM nodes GROUP BY label", cancellationToken),
        await CountAsync(connection, "SELECT type, count(*) FROM rels GROUP BY type", cancellationToken));

    static async Task<List<string>> DistinctAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString() ?? "");
        return values;
    }

    static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A connection (not yet open) to another database file, not pooled: the file is free once it is disposed.</summary>
    static SqliteConnection OpenFile(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());

    static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            File.Delete(path + suffix);
    }

    static bool SamePath(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
