using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Model.Requests;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Cli.Commands;

/// <summary><c>backup PATH</c>: a consistent copy of the embedded store, taken while it is in use (SQLite's online backup).</summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "The backup file to write (an earlier ChainGraph backup there is replaced once the new one is complete)." };
        var command = new Command("backup", "Copy the embedded store to a file, safely while serve or an import is using it.") { path };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            RefuseNeo4j(result, "backup");
            var db = CommonOptions.RequireEmbeddedStore(result);
            var clock = Stopwatch.StartNew();
            await using var store = new SqliteGraphStore(db);
            var backup = Path.GetFullPath(result.GetValue(path)!);
            var stats = await store.BackupAsync(backup, cancellationToken);
            var bytes = new FileInfo(backup).Length;
            var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            if (result.GetValue(CommonOptions.Json))
                console.WriteJson(new { path = backup, store = store.Path, nodes = stats.Nodes, relationships = stats.Relationships, bytes, seconds });
            else
                await console.Out.WriteLineAsync(
                    $"Backed up {stats.NodeTotal:N0} nodes and {stats.RelationshipTotal:N0} relationships from {store.Path} to {backup} ({Size(bytes)}) in {seconds:0.###} s.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Backup and restore work on the embedded store only; Neo4j has its own tools.</summary>
    /// <exception cref="InvalidRequestException"><c>--store neo4j</c> was asked for.</exception>
    internal static void RefuseNeo4j(ParseResult result, string verb)
    {
        if (result.GetValue(CommonOptions.Store) != "neo4j") return;
        throw new InvalidRequestException("store", "neo4j",
            $"{verb} works on the embedded store only, not with --store neo4j. Use Neo4j's own tools, with the database stopped: "
            + "neo4j-admin database dump neo4j --to-path=DIR to back up, neo4j-admin database load neo4j --from-path=DIR --overwrite-destination=true "
            + "to restore (on Aura, the console's snapshots).");
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} bytes",
    };
}
