using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Formats;
using ChainGraph.Model.Import;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;

namespace ChainGraph.Cli.Commands;

/// <summary><c>import PATH --format chainkg|csv|jsonl|chains</c>: one atomic import; exit 2 when any row was rejected.</summary>
public static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "A file, or a folder of files, to import." };
        var format = new Option<string>("--format") { Description = "chainkg, csv (Neo4j admin-import), jsonl or chains (chain templates).", Required = true };
        format.AcceptOnlyFromAmong([.. GraphReaders.All.Select(r => r.Format)]);
        var command = new Command("import", "Import a data set into the graph, all or nothing.") { path, format };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var reader = GraphReaders.Get(result.GetValue(format)!);
            return await RunAsync(console, store, batch => reader.Read(result.GetValue(path)!, batch, cancellationToken),
                result.GetValue(CommonOptions.Json), cancellationToken);
        });
        return command;
    }

    /// <summary>Reads with <paramref name="read"/>, writes atomically, reports; shared with <c>demo</c>.</summary>
    public static async Task<int> RunAsync(CliConsole console, IGraphStore store, Action<GraphBatch> read, bool json,
        CancellationToken cancellationToken, bool tables = true)
    {
        var clock = Stopwatch.StartNew();
        var batch = new GraphBatch();
        ImportSummary summary;
        using (var bar = new ProgressBar(console.Error, enabled: !json, redraw: console.IsErrorTerminal))
        {
            using (new Timer(_ => bar.Report("reading", batch.NodeCount + batch.RelationshipCount), null, 250, 250))
                await Task.Run(() => read(batch), cancellationToken);
            var progress = new InlineProgress<WriteProgress>(p => bar.Report("writing", p.Written, p.Total));
            summary = await new GraphImporter(store).ImportAsync(batch, progress, cancellationToken);
        }
        summary = summary with { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) };
        if (json) console.WriteJson(summary);
        else Print(console, summary, tables);
        return summary.Rejected.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    static void Print(CliConsole console, ImportSummary summary, bool tables)
    {
        console.Out.WriteLine($"Imported {summary.Nodes.Values.Sum():N0} nodes and {summary.Relationships.Values.Sum():N0} relationships in {summary.Seconds:0.###} s.");
        if (tables)
        {
            console.WriteTable(["nodes", "count"], summary.Nodes.Select(p => new[] { p.Key, p.Value.ToString("N0") }));
            console.WriteTable(["relationships", "count"], summary.Relationships.Select(p => new[] { p.Key, p.Value.ToString("N0") }));
        }
        foreach (var (label, count) in summary.CreatedEndpoints)
            console.Out.WriteLine($"{count:N0} {label} nodes were created because a relationship named them and no row defined them.");
        foreach (var merge in summary.Merged)
        {
            var changes = merge.Changes.Count == 0 ? "identical" : string.Join("; ", merge.Changes);
            console.Out.WriteLine($"merged: {merge.File}:{merge.Line} '{merge.Id}' into line {merge.FirstLine} ({changes})");
        }
        foreach (var rejection in summary.Rejected)
            console.Error.WriteLine($"rejected: {rejection.File}:{rejection.Line}: {rejection.Reason}");
        if (summary.Rejected.Count > 0) console.Error.WriteLine($"{summary.Rejected.Count:N0} rows rejected; every other row was imported.");
    }

    sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
