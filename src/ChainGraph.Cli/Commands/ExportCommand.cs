using System.CommandLine;
using ChainGraph.Formats.Csv;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Formats.GraphMl;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage;

namespace ChainGraph.Cli.Commands;

/// <summary><c>export cytoscape|csv|jsonl|graphml [--chain ID | --focus ID --depth K] --out PATH</c>.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Argument<string>("format") { Description = "cytoscape (Cytoscape.js elements JSON), csv (Neo4j admin-import folder), jsonl or graphml (Gephi, Cytoscape desktop, NetworkX)." };
        format.AcceptOnlyFromAmong("cytoscape", "csv", "jsonl", "graphml");
        var output = new Option<string>("--out") { Description = "Output file (a folder for csv).", Required = true };
        var chain = new Option<string?>("--chain") { Description = "Only this chain: its segments, their products and makers." };
        var focus = new Option<string?>("--focus") { Description = "Only the neighbourhood of this node." };
        var depth = new Option<int>("--depth") { Description = "Steps around --focus.", DefaultValueFactory = _ => 1 };
        var command = new Command("export", "Write the graph, or part of it, in another format.") { format, output, chain, focus, depth };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var only = await SelectAsync(store, result.GetValue(chain), result.GetValue(focus), result.GetValue(depth), cancellationToken);
            var nodes = Filter(store.ReadNodesAsync(cancellationToken), n => only?.Contains(n.Id) ?? true);
            var rels = Filter(store.ReadRelationshipsAsync(cancellationToken), r => only is null || (only.Contains(r.StartId) && only.Contains(r.EndId)));
            var path = result.GetValue(output)!;
            if (result.GetValue(format) == "csv")
            {
                var files = await AdminImportCsvWriter.WriteAsync(path, nodes, rels, cancellationToken);
                await console.Error.WriteLineAsync($"Wrote {files.Count} files to {path}.");
                return ExitCodes.Ok;
            }
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
            await using var stream = File.Create(path);
            var write = result.GetValue(format) switch
            {
                "cytoscape" => CytoscapeWriter.WriteAsync(stream, nodes, rels, cancellationToken),
                "graphml" => GraphMlWriter.WriteAsync(stream, nodes, rels, cancellationToken),
                _ => JsonLinesWriter.WriteAsync(stream, nodes, rels, cancellationToken),
            };
            await write;
            await console.Error.WriteLineAsync($"Wrote {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    static async Task<HashSet<string>?> SelectAsync(IGraphStore store, string? chain, string? focus, int depth, CancellationToken cancellationToken)
    {
        if (chain is null && focus is null) return null;
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        var id = chain ?? focus!;
        if (!snapshot.TryGetIndex(id, out var node)) throw new ArgumentException($"No node with id '{id}'.");
        if (chain is not null && snapshot.Labels[node] != NodeLabel.Chain) throw new ArgumentException($"'{chain}' is a {snapshot.Labels[node]}, not a Chain.");
        var selected = chain is not null ? Neighbourhood.Chain(snapshot, node) : Neighbourhood.Around(snapshot, node, depth);
        return selected.Select(i => snapshot.Ids[i]).ToHashSet(StringComparer.Ordinal);
    }

    static async IAsyncEnumerable<T> Filter<T>(IAsyncEnumerable<T> items, Func<T, bool> keep)
    {
        await foreach (var item in items)
            if (keep(item)) yield return item;
    }
}
