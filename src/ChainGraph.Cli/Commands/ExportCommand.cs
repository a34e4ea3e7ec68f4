using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Application.Requests;
using ChainGraph.Formats;
using ChainGraph.Formats.Csv;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Formats.GraphMl;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
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
            var only = await SelectAsync(store, selection, cancellationToken);
            long nodeCount = 0, relCount = 0;
            var nodes = Filter(store.ReadNodesAsync(cancellationToken), n => only?.Contains(n.Id) ?? true, () => nodeCount++);
            var rels = Filter(store.ReadRelationshipsAsync(cancellationToken),
                r => only is null || (only.Contains(r.StartId) && only.Contains(r.EndId)), () => relCount++);
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

    static async Task<HashSet<string>?> SelectAsync(IGraphStore store, SelectionRequest selection, CancellationToken cancellationToken)
    {
        if (selection is { Chain: null, Focus: null }) return null;
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        var field = selection.Chain is null ? "focus" : "chain";
        var node = snapshot.IndexOf(selection.Chain ?? selection.Focus!, field);
        if (selection.Chain is not null && snapshot.Labels[node] != NodeLabel.Chain)
            throw new InvalidRequestException("chain", selection.Chain, $"'{selection.Chain}' is a {snapshot.Labels[node]}, not a Chain.");
        var selected = selection.Chain is not null ? Neighbourhood.Chain(snapshot, node) : Neighbourhood.Around(snapshot, node, selection.Depth);
        return selected.Select(i => snapshot.Ids[i]).ToHashSet(StringComparer.Ordinal);
    }

    static async IAsyncEnumerable<T> Filter<T>(IAsyncEnumerable<T> items, Func<T, bool> keep, Action onKept)
    {
        await foreach (var item in items)
        {
            if (!keep(item)) continue;
            onKept();
            yield return item;
        }
    }
}
