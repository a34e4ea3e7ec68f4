using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Model.Requests;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Cli.Commands;

/// <summary><c>restore PATH</c>: replaces the embedded store's graph with a backup's, in one step; refuses anything but a sound ChainGraph database.</summary>
public static class RestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "A backup written by chaingraph backup (or another ChainGraph store file)." };
        var command = new Command("restore", "Replace the graph in the embedded store with a backup's, all at once, even while serve is running.") { path };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            BackupCommand.RefuseNeo4j(result, "restore");
            var backup = result.GetValue(path)!;
            if (!File.Exists(backup)) throw new NotFoundException("path", backup, $"there is no backup file at '{backup}'.");
            var clock = Stopwatch.StartNew();
            await using var store = new SqliteGraphStore(result.GetValue(CommonOptions.Db)!);
            var stats = await store.RestoreAsync(backup, cancellationToken);
            var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            if (result.GetValue(CommonOptions.Json))
            {
                console.WriteJson(new { path = Path.GetFullPath(backup), store = store.Path, nodes = stats.Nodes, relationships = stats.Relationships, seconds });
            }
            else
            {
                await console.Out.WriteLineAsync(
                    $"Restored {stats.NodeTotal:N0} nodes and {stats.RelationshipTotal:N0} relationships from {Path.GetFullPath(backup)} into {store.Path} in {seconds:0.###} s.");
                await console.Out.WriteLineAsync("A serve already running on this store should be restarted so its analyses and open views load the restored graph.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
