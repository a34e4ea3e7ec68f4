using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainGraph.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ChainGraph.Cli.Tests;

/// <summary>
/// kill -9 during bursts of writes and during imports, then restart and compare: no acknowledged
/// write lost, none half-applied. Then backup while another process writes, and restore.
/// The writer is tests/ChainGraph.Durability.Harness, built (if needed) once per run.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    // Together at least the 50 kill points of issue 6's acceptance.
    const int WriteKills = 36;
    const int ImportKills = 16;
    // Besides: restores killed midway (a restore is one write of the whole store).
    const int RestoreKills = 8;
    const int Leaves = 4;

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WritesKilledAtRandomMoments_LoseNoAcknowledgedWriteAndHalfApplyNone()
    {
        var harness = await Harness.DllAsync();
        var db = folder.File("writes.db");
        var random = new Random(20260601);
        var clock = Stopwatch.StartNew();
        int kills = 0, withWriteOpen = 0, committedNotAcknowledged = 0;
        long acknowledged = 0, committed = 0;

        for (var round = 0; round < WriteKills; round++)
        {
            using var child = Harness.Start(harness, db, count: 1_000_000, Leaves);
            Assert.True(await child.WaitForAckAsync(committed + 1), $"round {round}: no write acknowledged. {child.Error}");
            await Task.Delay(random.Next(0, 250));
            var writing = WriterHoldsTheLock(db);
            await child.KillAsync();
            kills++;
            if (writing) withWriteOpen++;

            committed = CheckWrites(db, Leaves);
            Assert.True(committed >= child.LastAck, $"round {round}: write {child.LastAck} was acknowledged but the store holds only {committed}");
            if (committed > child.LastAck) committedNotAcknowledged++;
            acknowledged += child.LastAck - child.Started;
        }

        // After all that the store takes writes again, and they land whole.
        using (var last = Harness.Start(harness, db, count: 3, Leaves))
        {
            Assert.Equal(0, await last.ExitAsync());
            Assert.Equal(committed + 3, last.LastAck);
        }
        Assert.Equal(committed + 3, CheckWrites(db, Leaves));
        Assert.Equal("ok", IntegrityCheck(db));

        output.WriteLine($"writes: {kills} kill -9 points in {clock.Elapsed.TotalSeconds:0.0} s; {acknowledged} writes acknowledged and {committed} committed, "
            + $"0 lost, 0 half-applied; {withWriteOpen} kills while a write transaction was open, {committedNotAcknowledged} after a commit before its acknowledgement "
            + (Harness.BuildTime > TimeSpan.Zero ? $"(building the harness first took {Harness.BuildTime.TotalSeconds:0.0} s)" : "(the harness was up to date)"));
        Assert.Equal(WriteKills, kills);
    }

    [Fact]
    public async Task ImportsKilledAtRandomMoments_LeaveTheStoreAsBeforeOrWithTheWholeImport()
    {
        var clock = Stopwatch.StartNew();
        // One store already holds data, which the import also updates; the other is empty, where the import takes its bulk-load path.
        var full = folder.File("full.db");
        var empty = folder.File("empty.db");
        folder.Write("seed.jsonl", """{"type":"node","id":"seed","labels":["Product"],"properties":{"name":"种子"}}""");
        // 17,051 nodes and 33,999 relationships: above the 50,000 rows that send an import into an empty store down the bulk-load path.
        WriteSyntheticChain(folder.File("big"), products: 17_000);
        var dbs = new[] { full, empty };
        var before = new Dictionary<string, string>();
        var after = new Dictionary<string, string>();
        var duration = new Dictionary<string, TimeSpan>();
        var size = (Nodes: 0L, Relationships: 0L);
        foreach (var db in dbs)
        {
            before[db] = await ResetAsync(db, db == full);
            var start = Stopwatch.StartNew();
            using var child = StartImport(db);
            Assert.True(await child.ExitAsync() == 0, child.Error);
            duration[db] = start.Elapsed;
            after[db] = StoreState(db);
            if (db == empty) size = Counts(db);
            Assert.NotEqual(before[db], after[db]);
            Assert.Equal(before[db], await ResetAsync(db, db == full));
        }

        var random = new Random(20261121);
        int kills = 0, unchanged = 0, whole = 0, withWriteOpen = 0, finishedFirst = 0;
        for (var round = 0; kills < ImportKills; round++)
        {
            Assert.True(round < 2 * ImportKills, $"{finishedFirst} of {round} imports finished before their kill; the timing needs a look");
            var db = dbs[round % 2];
            // A random moment of the import's life: reading its files, planning, writing, committing, or just after.
            var delay = duration[db] * (0.15 + 0.95 * random.NextDouble());
            var started = Stopwatch.StartNew();
            using var child = StartImport(db);
            var exit = child.ExitAsync();
            var finished = await Task.WhenAny(exit, Task.Delay(delay)) == exit;
            // The machine got faster than when the import was timed: aim within the time it really takes.
            if (finished) duration[db] = started.Elapsed;
            var writing = !finished && WriterHoldsTheLock(db);
            await child.KillAsync();

            var state = StoreState(db);
            Assert.Equal("ok", IntegrityCheck(db));
            if (finished)
            {
                // Not a kill point: it finished first, with the whole import there.
                Assert.Equal(0, await exit);
                Assert.Equal(after[db], state);
                finishedFirst++;
                await ResetAsync(db, db == full);
                continue;
            }
            kills++;
            if (writing) withWriteOpen++;
            if (state == before[db])
            {
                unchanged++;
            }
            else
            {
                Assert.True(state == after[db], $"round {round}: half-applied import in {Path.GetFileName(db)}:\n{state}\nbefore:\n{before[db]}\nafter:\n{after[db]}");
                whole++;
                await ResetAsync(db, db == full);
            }
        }

        output.WriteLine($"imports: {kills} kill -9 points in {clock.Elapsed.TotalSeconds:0.0} s (an import of {size.Nodes:N0} nodes and {size.Relationships:N0} relationships "
            + $"takes {duration[empty].TotalSeconds:0.00} s into the empty store, {duration[full].TotalSeconds:0.00} s into the other), "
            + $"{withWriteOpen} of them while the import's write transaction was open: {unchanged} left the store as before, "
            + $"{whole} had the whole import (killed after its commit), 0 half-applied; {finishedFirst} more imports finished before their kill");
        Assert.Equal(ImportKills, kills);
        Assert.True(withWriteOpen >= 2, $"only {withWriteOpen} kills landed while the import was writing; the timing needs a look");
    }

    [Fact]
    public async Task BackupWhileAnotherProcessWrites_HoldsOneCommittedStateAndRestoresIntoAFreshFile()
    {
        var harness = await Harness.DllAsync();
        var live = folder.File("live.db");
        var backup = folder.File("backups/live.bak");
        var fresh = folder.File("fresh/restored.db");

        long before, inBackup;
        JsonElement summary;
        using (var writer = Harness.Start(harness, live, count: 1_000_000, Leaves))
        {
            Assert.True(await writer.WaitForAckAsync(100), writer.Error);
            before = writer.LastAck;
            var (code, json, error) = await CliRunner.RunAsync("backup", backup, "--db", live, "--json");
            Assert.True(code == ExitCodes.Ok, error);
            summary = JsonDocument.Parse(json).RootElement.Clone();
            // The backup is one committed state: every write in it whole, and at least what was acknowledged before it began.
            inBackup = CheckWrites(backup, Leaves);
            Assert.True(inBackup >= before, $"the backup holds {inBackup} writes; {before} were acknowledged before it began");
            // The writer was never stopped: it goes on past the backup's state.
            Assert.True(await writer.WaitForAckAsync(inBackup + 20), writer.Error);
            await writer.KillAsync();
        }
        var final = CheckWrites(live, Leaves);
        Assert.Equal(1 + inBackup * (1 + Leaves), summary.GetProperty("nodes").GetProperty("Product").GetInt64());
        Assert.False(File.Exists(backup + "-wal"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(backup)!, "*.partial-*"));

        var (restoreCode, restored, restoreError) = await CliRunner.RunAsync("restore", backup, "--db", fresh, "--json");
        Assert.True(restoreCode == ExitCodes.Ok, restoreError);
        var stats = await CliRunner.JsonAsync("stats", "--db", fresh);
        Assert.Equal(summary.GetProperty("nodes").GetRawText(), stats.GetProperty("nodes").GetRawText());
        Assert.Equal(summary.GetProperty("relationships").GetRawText(), stats.GetProperty("relationships").GetRawText());
        Assert.Equal(summary.GetProperty("nodes").GetRawText(), JsonDocument.Parse(restored).RootElement.GetProperty("nodes").GetRawText());
        Assert.Equal(inBackup, CheckWrites(fresh, Leaves));
        Assert.Equal("wal", Scalar(fresh, "PRAGMA journal_mode"));

        // The restored store takes writes where the backup left off.
        using (var next = Harness.Start(harness, fresh, count: 2, Leaves))
            Assert.Equal(0, await next.ExitAsync());
        Assert.Equal(inBackup + 2, CheckWrites(fresh, Leaves));
        output.WriteLine($"backup started after write {before} was acknowledged holds writes 1..{inBackup}, whole; "
            + $"the writer went on to {final}; restored into a new file with equal stats");
    }

    [Fact]
    public async Task RestoreIntoAStoreInUse_ReadersAndKillsFindTheOldGraphOrTheRestoredOneNeverAMix()
    {
        var harness = await Harness.DllAsync();
        var live = folder.File("live.db");
        var other = folder.File("other.db");
        using (var writer = Harness.Start(harness, live, count: 200, Leaves))
            Assert.Equal(0, await writer.ExitAsync());
        WriteSyntheticChain(folder.File("chain"), products: 20_000);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("import", folder.File("chain"), "--format", "csv", "--db", other)).Code);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("backup", folder.File("other.bak"), "--db", other)).Code);
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("backup", folder.File("live.bak"), "--db", live)).Code);
        var old = Counts(live);
        var restored = Counts(other);

        // A reader in its own connection, as serve would be: each read is one transaction over both tables.
        var seen = new ConcurrentDictionary<(long, long), int>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) seen.AddOrUpdate(Counts(live), 1, (_, n) => n + 1);
        });
        await WaitUntilAsync(() => seen.ContainsKey(old) || reader.IsCompleted);
        var (code, _, error) = await CliRunner.RunAsync("restore", folder.File("other.bak"), "--db", live);
        await WaitUntilAsync(() => seen.ContainsKey(restored) || reader.IsCompleted);
        await stop.CancelAsync();
        await reader;

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(restored, Counts(live));
        Assert.Equal("ok", IntegrityCheck(live));
        var views = string.Join(", ", seen.Select(p => $"{p.Key}: {p.Value}×"));
        Assert.True(seen.Keys.All(k => k == old || k == restored), $"a reader saw a mix: {views}");
        Assert.True(seen.ContainsKey(old) && seen.ContainsKey(restored), views);
        output.WriteLine($"reads during the restore (nodes, relationships): {views}");

        // kill -9 in the middle of restores, back and forth between the two graphs: the store is always one of them.
        var backups = new Dictionary<(long, long), string> { [old] = folder.File("live.bak"), [restored] = folder.File("other.bak") };
        var duration = new Dictionary<(long, long), TimeSpan>();
        foreach (var graph in new[] { old, restored })
        {
            var clock = Stopwatch.StartNew();
            using var child = StartRestore(backups[graph], live);
            Assert.True(await child.ExitAsync() == 0, child.Error);
            duration[graph] = clock.Elapsed;
            Assert.Equal(graph, Counts(live));
        }
        var random = new Random(20260602);
        int kills = 0, unchanged = 0, replaced = 0, finishedFirst = 0, withCopyOpen = 0;
        for (var round = 0; kills < RestoreKills; round++)
        {
            Assert.True(round < 3 * RestoreKills, $"{finishedFirst} of {round} restores finished before their kill");
            var current = Counts(live);
            var target = current == old ? restored : old;
            var started = Stopwatch.StartNew();
            using var child = StartRestore(backups[target], live);
            var exit = child.ExitAsync();
            bool finished, copying;
            if (round % 2 == 0)
            {
                // The copy is a few milliseconds at the end: watch for its write transaction and kill it there.
                copying = false;
                while (!exit.IsCompleted && started.Elapsed < TimeSpan.FromSeconds(30) && !(copying = WriterHoldsTheLock(live))) { }
                finished = !copying;
            }
            else
            {
                // Anywhere in the second half of its life (process start, the backup's checks, the copy).
                finished = await Task.WhenAny(exit, Task.Delay(duration[target] * (0.5 + 0.55 * random.NextDouble()))) == exit;
                if (finished) duration[target] = started.Elapsed;
                copying = !finished && WriterHoldsTheLock(live);
            }
            await child.KillAsync();
            var now = Counts(live);
            Assert.Equal("ok", IntegrityCheck(live));
            Assert.True(now == current || now == target, $"round {round}: the store holds {now}, neither {current} nor {target}");
            if (finished)
            {
                Assert.Equal(0, await exit);
                finishedFirst++;
                continue;
            }
            kills++;
            if (copying) withCopyOpen++;
            if (now == current) unchanged++;
            else replaced++;
        }
        output.WriteLine($"restores: {kills} kill -9 points (a restore of {restored.Nodes:N0} nodes takes {duration[restored].TotalSeconds:0.00} s with the "
            + $"process start, of {old.Nodes:N0} nodes {duration[old].TotalSeconds:0.00} s), {withCopyOpen} of them while the restore's write "
            + $"transaction was open: {unchanged} left the graph as before, {replaced} had the whole restored one, 0 a mix; "
            + $"{finishedFirst} more restores finished before their kill");
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
    }

    static Child StartRestore(string backup, string db) =>
        Child.Start(Path.Combine(AppContext.BaseDirectory, "chaingraph.dll"), ["restore", backup, "--db", db]);

    [Fact]
    public async Task RestoreAndBackup_RefuseWhatIsNotAChainGraphDatabase_WithExitTwoAndTouchNothing()
    {
        var live = folder.File("live.db");
        folder.Write("seed.jsonl", """{"type":"node","id":"seed","labels":["Product"],"properties":{"name":"种子"}}""");
        await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", live);
        var stats = (await CliRunner.JsonAsync("stats", "--db", live)).GetRawText();
        var text = folder.Write("notes.txt", "这不是数据库\n");
        var emptyFile = folder.Write("empty.db", "");
        var foreign = folder.File("foreign.db");
        using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE nodes (id TEXT); CREATE TABLE customers (name TEXT)";
            command.ExecuteNonQuery();
        }

        (string[] Args, string Message)[] cases =
        [
            (["restore", text], "is not a ChainGraph database: it is not a SQLite database file"),
            (["restore", emptyFile], "is not a ChainGraph database: the file is empty"),
            (["restore", foreign], "is not a ChainGraph database: its 'nodes' table lacks the columns nid, label, name, props"),
            (["restore", folder.File("missing.bak")], "there is no backup file at"),
            (["restore", live], "is the store itself"),
            (["backup", text], "Refusing to overwrite"),
            (["backup", folder.File("b.bak"), "--store", "neo4j"], "neo4j-admin database dump"),
            (["restore", folder.File("b.bak"), "--store", "neo4j"], "neo4j-admin database load"),
        ];
        foreach (var (args, message) in cases)
        {
            var (code, _, error) = await CliRunner.RunAsync([.. args, "--db", live]);
            Assert.True(code == ExitCodes.BadInput, $"{string.Join(' ', args)}: exit {code}, {error}");
            Assert.Contains(message, error);
        }
        Assert.Equal(stats, (await CliRunner.JsonAsync("stats", "--db", live)).GetRawText());
        Assert.Equal("这不是数据库\n", await File.ReadAllTextAsync(text));
        Assert.False(File.Exists(folder.File("b.bak")));
    }

    [Theory]
    [InlineData("INSERT INTO rels VALUES ('INPUT_TO', (SELECT nid FROM nodes WHERE id = 'seed'), 999999, '{}')",
        "a INPUT_TO relationship from 'seed' to '#999999' names a node that is not there")]
    [InlineData("UPDATE nodes SET props = 'not json' WHERE id = 'seed'", "node 'seed' has properties that are not a JSON object")]
    [InlineData("INSERT INTO rels VALUES ('MAKES', (SELECT nid FROM nodes WHERE id = 'seed'), (SELECT nid FROM nodes WHERE id = 'maker'), '{}')",
        "it has MAKES relationships from Product to Enterprise, which that type does not join")]
    [InlineData("UPDATE nodes SET props = json_set(props, '$.capacity', 'ten') WHERE id = 'maker'", "node 'maker': field 'capacity' of Enterprise: expected double")]
    public async Task Restore_RefusesAnUnsoundGraph_NamingWhatIsWrong_AndTouchesNothing(string damage, string message)
    {
        var live = folder.File("live.db");
        folder.Write("seed.jsonl", """
            {"type":"node","id":"seed","labels":["Product"],"properties":{"name":"种子"}}
            {"type":"node","id":"maker","labels":["Enterprise"],"properties":{"name":"制造商","capacity":5}}
            """);
        await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", live);
        var stats = (await CliRunner.JsonAsync("stats", "--db", live)).GetRawText();
        var backup = folder.File("unsound.bak");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("backup", backup, "--db", live)).Code);
        using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False;Foreign Keys=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = damage;
            command.ExecuteNonQuery();
        }

        var (code, _, error) = await CliRunner.RunAsync("restore", backup, "--db", live);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is not a sound graph: " + message, error);
        Assert.Equal(stats, (await CliRunner.JsonAsync("stats", "--db", live)).GetRawText());
    }

    // ---- the import child and the stores it writes ----

    Child StartImport(string db) =>
        Child.Start(Path.Combine(AppContext.BaseDirectory, "chaingraph.dll"), ["import", folder.File("big"), "--format", "csv", "--db", db]);

    /// <summary>Recreates the store as it is before each import (the seed only, or empty) and returns that state.</summary>
    async Task<string> ResetAsync(string db, bool seeded)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(folder.Path, Path.GetFileName(db) + "*")) File.Delete(file);
        if (seeded)
        {
            var (code, _, error) = await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", db);
            Assert.True(code == ExitCodes.Ok, error);
        }
        else
        {
            await CliRunner.CreateEmptyStoreAsync(db);
        }
        SqliteConnection.ClearAllPools();
        return StoreState(db);
    }

    /// <summary>
    /// What an import can change, read directly from the file (not through the store, whose start-up
    /// would recreate missing indexes): nodes and property bytes per label, relationships per type,
    /// the seed node as stored, and the indexes, which the bulk-load path drops and rebuilds inside its transaction.
    /// </summary>
    static string StoreState(string db)
    {
        using var connection = Open(db);
        using var transaction = connection.BeginTransaction(deferred: true);
        var state = new StringBuilder();
        Query(connection, "SELECT label, count(*), sum(length(props)) FROM nodes GROUP BY label ORDER BY label", r => state.Append(CultureInfo.InvariantCulture, $"{r.GetString(0)} {r.GetInt64(1)} {r.GetInt64(2)}; "));
        state.Append('\n');
        Query(connection, "SELECT type, count(*) FROM rels GROUP BY type ORDER BY type", r => state.Append(CultureInfo.InvariantCulture, $"{r.GetString(0)} {r.GetInt64(1)}; "));
        state.Append('\n');
        Query(connection, "SELECT name, props FROM nodes WHERE id = 'seed'", r => state.Append(CultureInfo.InvariantCulture, $"seed {r.GetString(0)} {r.GetString(1)}"));
        state.Append('\n');
        Query(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => state.Append(r.GetString(0)).Append(' '));
        return state.ToString();
    }

    /// <summary>A chain of products, each made by one of a few enterprises, as admin-import CSV; the import also renames the seed.</summary>
    static void WriteSyntheticChain(string path, int products)
    {
        Directory.CreateDirectory(path);
        var nodes = new StringBuilder("id:ID,:LABEL,name\nseed,Product,种子（新）\n");
        var rels = new StringBuilder(":START_ID,:END_ID,:TYPE,share:double\n");
        for (var e = 0; e < 50; e++) nodes.Append(CultureInfo.InvariantCulture, $"e{e},Enterprise,企业{e}\n");
        for (var p = 0; p < products; p++)
        {
            nodes.Append(CultureInfo.InvariantCulture, $"p{p},Product,产品{p}\n");
            if (p > 0) rels.Append(CultureInfo.InvariantCulture, $"p{p - 1},p{p},INPUT_TO,\n");
            rels.Append(CultureInfo.InvariantCulture, $"e{p % 50},p{p},MAKES,0.{p % 10}\n");
        }
        File.WriteAllText(Path.Combine(path, "nodes.csv"), nodes.ToString());
        File.WriteAllText(Path.Combine(path, "rels.csv"), rels.ToString());
    }

    // ---- the harness's writes, checked in the file ----

    /// <summary>
    /// Checks that the store holds writes 1..n whole and nothing of any later write, where n is the
    /// shared counter; returns n. Write i is node w-i (n = i), its leaves w-i-k INPUT_TO w-i,
    /// w-(i-1) INPUT_TO w-i, and n = i on the counter.
    /// </summary>
    static long CheckWrites(string db, int leaves)
    {
        using var connection = Open(db);
        using var transaction = connection.BeginTransaction(deferred: true);
        var nodes = new Dictionary<string, long?>(StringComparer.Ordinal);
        Query(connection, "SELECT id, props ->> '$.n' FROM nodes", r => nodes[r.GetString(0)] = r.IsDBNull(1) ? null : r.GetInt64(1));
        var rels = new HashSet<(string, string)>();
        Query(connection, "SELECT s.id, d.id FROM rels r JOIN nodes s ON s.nid = r.src JOIN nodes d ON d.nid = r.dst WHERE r.type = 'INPUT_TO'",
            r => rels.Add((r.GetString(0), r.GetString(1))));
        var n = nodes.GetValueOrDefault("counter") ?? 0;

        var problems = new List<string>();
        for (var i = 1L; i <= n && problems.Count < 10; i++)
        {
            var node = $"w-{i}";
            if (nodes.GetValueOrDefault(node) != i) problems.Add($"{node} is missing or has n = {nodes.GetValueOrDefault(node)}");
            if (i > 1 && !rels.Contains(($"w-{i - 1}", node))) problems.Add($"w-{i - 1} INPUT_TO {node} is missing");
            for (var k = 0; k < leaves; k++)
            {
                if (!nodes.ContainsKey($"{node}-{k}")) problems.Add($"{node}-{k} is missing");
                if (!rels.Contains(($"{node}-{k}", node))) problems.Add($"{node}-{k} INPUT_TO {node} is missing");
            }
        }
        var expectedNodes = n == 0 ? 0 : 1 + n * (1 + leaves);
        var expectedRels = n * leaves + Math.Max(0, n - 1);
        if (nodes.Count != expectedNodes) problems.Add($"{nodes.Count} nodes for {n} writes, not {expectedNodes} (part of write {n + 1}?)");
        if (rels.Count != expectedRels) problems.Add($"{rels.Count} relationships for {n} writes, not {expectedRels}");
        Assert.True(problems.Count == 0, $"{Path.GetFileName(db)} after write {n}: {string.Join("; ", problems)}");
        return n;
    }

    /// <summary>Node and relationship totals read in one transaction, as one consistent view.</summary>
    static (long Nodes, long Relationships) Counts(string db)
    {
        using var connection = Open(db);
        using var transaction = connection.BeginTransaction(deferred: true);
        return ((long)Scalar(connection, "SELECT count(*) FROM nodes"), (long)Scalar(connection, "SELECT count(*) FROM rels"));
    }

    /// <summary>
    /// True when another connection holds the database's write lock, i.e. a write transaction is open
    /// (BEGIN IMMEDIATE fails at once with SQLITE_BUSY; SQLite's own call, without the client's retries).
    /// </summary>
    static bool WriterHoldsTheLock(string db)
    {
        try
        {
            using var connection = Open(db);
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, 0);
            var rc = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
            if (rc == SQLitePCL.raw.SQLITE_OK) SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
            return rc == SQLitePCL.raw.SQLITE_BUSY;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    static string IntegrityCheck(string db)
    {
        using var connection = Open(db);
        return (string)Scalar(connection, "PRAGMA integrity_check");
    }

    static object Scalar(string db, string sql)
    {
        using var connection = Open(db);
        return Scalar(connection, sql);
    }

    static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    static void Query(SqliteConnection connection, string sql, Action<SqliteDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    /// <summary>An existing database file, not pooled (nothing stays open after a check).</summary>
    static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>tests/ChainGraph.Durability.Harness: found beside this repository's tests, and built first when it is missing or out of date.</summary>
    static class Harness
    {
        static readonly Lazy<Task<string>> Built = new(BuildAsync);

        public static Task<string> DllAsync() => Built.Value;

        /// <summary>How long building the harness took (zero when it was up to date).</summary>
        public static TimeSpan BuildTime { get; private set; }

        public static Child Start(string dll, string db, long count, int leaves) =>
            Child.Start(dll, [db, count.ToString(CultureInfo.InvariantCulture), leaves.ToString(CultureInfo.InvariantCulture)]);

        static async Task<string> BuildAsync()
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Graph.sln"))) root = root.Parent;
            Assert.True(root is not null, $"no Graph.sln above {AppContext.BaseDirectory}");
            var project = Path.Combine(root.FullName, "tests", "ChainGraph.Durability.Harness");
            // bin/<configuration>/net10.0/: the harness in the configuration the tests run in.
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
            var output = Path.Combine(project, "bin", configuration, "net10.0");
            var dll = Path.Combine(output, "ChainGraph.Durability.Harness.dll");
            if (UpToDate(project, output, dll)) return dll;

            var clock = Stopwatch.StartNew();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "build", project, "-c", configuration, "--nologo", "-v", "q", "--disable-build-servers" }) start.ArgumentList.Add(arg);
            using var build = Process.Start(start)!;
            var buildOutput = build.StandardOutput.ReadToEndAsync();
            var buildError = build.StandardError.ReadToEndAsync();
            await build.WaitForExitAsync();
            Assert.True(build.ExitCode == 0, $"building {project} failed:\n{await buildOutput}{await buildError}");
            BuildTime = clock.Elapsed;
            return dll;
        }

        /// <summary>
        /// Built after its own sources changed last, and with the very store and model these tests
        /// were built with (the same bytes as the copies beside this test assembly).
        /// </summary>
        static bool UpToDate(string project, string output, string dll)
        {
            if (!File.Exists(dll)) return false;
            var built = File.GetLastWriteTimeUtc(dll);
            if (Directory.EnumerateFiles(project).Any(f => File.GetLastWriteTimeUtc(f) > built)) return false;
            return new[] { "ChainGraph.Storage.dll", "ChainGraph.Model.dll" }.All(name =>
                File.Exists(Path.Combine(output, name))
                && File.ReadAllBytes(Path.Combine(output, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, name))));
        }
    }

    /// <summary>A child process (dotnet DLL ARGS) whose "start i" and "ack i" lines on stdout are followed as they come.</summary>
    sealed class Child : IDisposable
    {
        readonly Process process;
        readonly Task reading;
        readonly StringBuilder error = new();
        long lastAck = -1;
        long started = -1;

        Child(Process process)
        {
            this.process = process;
            reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("ack ", StringComparison.Ordinal)) Volatile.Write(ref lastAck, long.Parse(line[4..], CultureInfo.InvariantCulture));
                    else if (line.StartsWith("start ", StringComparison.Ordinal)) Volatile.Write(ref started, long.Parse(line[6..], CultureInfo.InvariantCulture));
                }
            });
            _ = Task.Run(async () =>
            {
                var buffer = new char[256];
                int read;
                while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
                    lock (error) error.Append(buffer, 0, read);
            });
        }

        /// <summary>The last write acknowledged, or where the harness started (its last commit) before any.</summary>
        public long LastAck => Volatile.Read(ref lastAck) is >= 0 and var ack ? ack : Math.Max(0, Volatile.Read(ref started));

        public long Started => Math.Max(0, Volatile.Read(ref started));

        public string Error
        {
            get
            {
                lock (error) return error.ToString();
            }
        }

        public static Child Start(string dll, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            return new Child(Process.Start(start)!);
        }

        /// <summary>Waits until write <paramref name="i"/> is acknowledged; false when the process ended or 30 s passed first.</summary>
        public async Task<bool> WaitForAckAsync(long i)
        {
            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref lastAck) < i)
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30)) return false;
                await Task.Delay(2);
            }
            return true;
        }

        /// <summary>SIGKILL (Process.Kill on Unix), then every line the process wrote before it died.</summary>
        public async Task KillAsync()
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }
            await process.WaitForExitAsync();
            await reading;
        }

        public async Task<int> ExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await reading;
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }
}
