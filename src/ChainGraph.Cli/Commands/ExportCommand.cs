using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Application.Requests;
using ChainGraph.Formats;
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
            var clock = Stopwatch.StartNew();
            var selection = new SelectionRequest(result.GetValue(chain), result.GetValue(focus), result.GetValue(depth));
            selection.Validate();
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var only = selection is { Chain: null, Focus: null } ? null : selection.Select(await store.LoadSnapshotAsync(cancellationToken));
            long nodeCount = 0, relCount = 0; // counted as the writer takes them
            var nodes = store.ReadNodesAsync(cancellationToken).Where(n => (only?.Contains(n.Id) ?? true) && ++nodeCount > 0);
            var rels = store.ReadRelationshipsAsync(cancellationToken).Where(r => SelectionRequest.Holds(only, r) && ++relCount > 0);
            var path = Path.GetFullPath(result.GetValue(output)!);
            var escaped = await WriteAsync(result.GetValue(format)!, path, nodes, rels, cancellationToken);
            var summary = new ExportSummary(result.GetValue(format)!, path, nodeCount, relCount, escaped, Math.Round(clock.Elapsed.TotalSeconds, 3));
            if (result.GetValue(CommonOptions.Json)) console.WriteJson(summary);
            else await console.Error.WriteLineAsync(Describe(summary));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What <c>export --json</c> prints.</summary>
    public sealed record ExportSummary(string Format, string Path, long Nodes, long Relationships, int EscapedValues, double Seconds);

    /// <summary>Writes the export atomically (no partial output on failure); returns how many values it escaped.</summary>
    static async Task<int> WriteAsync(string format, string path, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> rels,
        CancellationToken cancellationToken)
    {
        // Only GraphML escapes: JSON and CSV carry every character (JSON writes control characters as its own \u escapes).
        switch (format)
        {
            case "graphml":
                return await AtomicOutput.WriteFileAsync(path, stream => GraphMlWriter.WriteAsync(stream, nodes, rels, cancellationToken), cancellationToken);
            case "csv":
                await AdminImportCsvWriter.WriteAsync(path, nodes, rels, cancellationToken);
                return 0;
            case "cytoscape":
                await AtomicOutput.WriteFileAsync(path, stream => CytoscapeWriter.WriteAsync(stream, nodes, rels, cancellationToken), cancellationToken);
                return 0;
            default:
                await AtomicOutput.WriteFileAsync(path, stream => JsonLinesWriter.WriteAsync(stream, nodes, rels, cancellationToken), cancellationToken);
                return 0;
        }
    }

    static string Describe(ExportSummary summary)
    {
        var escaped = summary.EscapedValues == 0 ? ""
            : $" {summary.EscapedValues:N0} values escaped for XML (\\uXXXX for a character it cannot carry, \\\\ for a backslash).";
        return $"Wrote {summary.Path}: {summary.Nodes:N0} nodes, {summary.Relationships:N0} relationships in {summary.Seconds:0.###} s.{escaped}";
    }
}
