using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChainGraph.Formats;
using ChainGraph.Formats.Csv;
using ChainGraph.Model.Import;
using ChainGraph.Model.Requests;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;

namespace ChainGraph.Cli.Commands;

/// <summary><c>import PATH --format chainkg|csv|jsonl|chains|places|tags</c>: one atomic import; exit 2 when more rows were rejected than allowed.</summary>
public static class ImportCommand
{
    /// <summary>Lets an import and the demo share a store on purpose.</summary>
    public static Option<bool> MixWithDemo { get; } = new("--mix-with-demo")
    {
        Description = "Allow the demo and other data in one store (refused otherwise, so the demo's curated values are not overwritten by accident).",
    };

    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "A file, or a folder of files, to import." };
        var format = new Option<string>("--format") { Description = "chainkg, csv (Neo4j admin-import), jsonl, chains (chain templates), places (enterprise places you know) or tags (lists such as 专精特新: id or name, tag, year, source).", Required = true };
        format.AcceptOnlyFromAmong([.. GraphReaders.Formats]);
        var maxRejects = new Option<int?>("--max-rejects")
        {
            Description = "Exit 0 while no more than this many rows were rejected (the summary still lists them); by default any rejected row exits 2.",
        };
        var maxRejectRatio = new Option<double>("--max-reject-ratio")
        {
            Description = "Import nothing when more than this share of the rows (0 to 1) is rejected.",
            DefaultValueFactory = _ => 1,
        };
        var rejects = new Option<string?>("--rejects") { Description = "Write every rejected row (file, line, reason) to this CSV file; the output lists the first 100." };
        var command = new Command("import", "Import a data set into the graph, all or nothing.") { path, format, maxRejects, maxRejectRatio, rejects, MixWithDemo };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            new ParameterCheck().Range("maxRejects", result.GetValue(maxRejects), 0, int.MaxValue)
                .Range("maxRejectRatio", result.GetValue(maxRejectRatio), 0, 1).ThrowIfInvalid();
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken, create: true);
            await RefuseMixingAsync(result, store, importingDemo: false, cancellationToken);
            var reader = GraphReaders.Get(result.GetValue(format)!,
                GraphReaders.ReadsStoredEnterprises(result.GetValue(format)!) ? await StoredEnterprises.ReadAsync(store, cancellationToken) : null);
            return await RunAsync(console, store, batch => reader.Read(result.GetValue(path)!, batch, cancellationToken),
                result.GetValue(CommonOptions.Json), cancellationToken, maxRejects: result.GetValue(maxRejects) ?? 0,
                maxRejectRatio: result.GetValue(maxRejectRatio), rejectsFile: result.GetValue(rejects));
        });
        return command;
    }

    /// <summary>
    /// Refuses to put the demo and other data in one store unless <see cref="MixWithDemo"/> says so:
    /// an import into a store that holds the demo, or the demo into a store that holds other data.
    /// </summary>
    public static async Task RefuseMixingAsync(ParseResult result, IGraphStore store, bool importingDemo, CancellationToken cancellationToken)
    {
        if (result.GetValue(MixWithDemo)) return;
        var holdsDemo = (await store.GetLabelsAsync([DemoData.MarkerId], cancellationToken)).Count > 0;
        var where = result.GetValue(CommonOptions.Store) == "neo4j" ? "the Neo4j database" : $"the store {result.GetValue(CommonOptions.Db)}";
        if (!importingDemo && holdsDemo)
        {
            throw new InvalidRequestException("db", result.GetValue(CommonOptions.Db),
                $"{where} holds the built-in demo; importing into it would mix your data with the demo's curated values. "
                + "Import into a store of its own with --db PATH (and serve it with `chaingraph serve --db PATH`), or pass --mix-with-demo to add to the demo on purpose.");
        }
        if (importingDemo && !holdsDemo && (await store.GetStatsAsync(cancellationToken)).NodeTotal > 0)
        {
            throw new InvalidRequestException("db", result.GetValue(CommonOptions.Db),
                $"{where} holds other data; loading the demo into it would overwrite and mix with it. "
                + "Load the demo into a store of its own with --db PATH, or pass --mix-with-demo to do it on purpose.");
        }
    }

    /// <summary>Reads with <paramref name="read"/>, writes atomically, reports; shared with <c>demo</c>.</summary>
    public static async Task<int> RunAsync(CliConsole console, IGraphStore store, Action<GraphBatch> read, bool json,
        CancellationToken cancellationToken, bool tables = true, int maxRejects = 0, double maxRejectRatio = 1, string? rejectsFile = null)
    {
        var clock = Stopwatch.StartNew();
        var batch = new GraphBatch();
        ImportSummary summary;
        using (var bar = new ProgressBar(console.Error, enabled: !json, redraw: console.IsErrorTerminal))
        {
            using (new Timer(_ => bar.Report("reading", batch.NodeCount + batch.RelationshipCount), null, 250, 250))
                await Task.Run(() => read(batch), cancellationToken);
            var progress = new InlineProgress<WriteProgress>(p => bar.Report("writing", p.Written, p.Total));
            summary = await new GraphImporter(store).ImportAsync(batch, progress, cancellationToken, maxRejectRatio);
        }
        summary = summary with { Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3) };
        if (rejectsFile is not null)
        {
            var table = CsvText.Table(["file", "line", "reason"], summary.Rejected.Select(r => new[] { r.File, r.Line.ToString(CultureInfo.InvariantCulture), r.Reason }));
            await AtomicOutput.WriteFileAsync(rejectsFile, target => target.WriteAsync(table, cancellationToken).AsTask(), cancellationToken);
        }
        var listed = summary.Listing();
        if (json) console.WriteJson(listed);
        else Print(console, listed, tables, maxRejects);
        return summary.RejectedTotal > maxRejects ? ExitCodes.BadInput : ExitCodes.Ok;
    }


    static void Print(CliConsole console, ImportSummary summary, bool tables, int maxRejects)
    {
        console.Out.WriteLine($"Imported {summary.Nodes.Values.Sum():N0} nodes and {summary.Relationships.Values.Sum():N0} relationships in {summary.Seconds:0.###} s.");
        if (tables)
        {
            console.WriteTable(["nodes", "count"], summary.Nodes.Select(p => new[] { p.Key, p.Value.ToString("N0", CultureInfo.InvariantCulture) }));
            console.WriteTable(["relationships", "count"], summary.Relationships.Select(p => new[] { p.Key, p.Value.ToString("N0", CultureInfo.InvariantCulture) }));
        }
        if (summary.NonProductLines.Count > 0)
            console.Out.WriteLine($"{summary.NonProductLines.Values.Sum():N0} products are report lines, not products ({string.Join(", ", summary.NonProductLines.Select(p => $"{p.Key} {p.Value:N0}"))}): "
                + "kept, and left out of chokepoints, disruption and centrality.");
        foreach (var (label, count) in summary.CreatedEndpoints)
            console.Out.WriteLine($"{count:N0} {label} nodes were created because a relationship named them and no row defined them.");
        foreach (var merge in summary.Merged)
        {
            var changes = merge.Changes.Count == 0 ? "identical" : string.Join("; ", merge.Changes);
            console.Out.WriteLine($"merged: {merge.File}:{merge.Line} '{merge.Id}' into line {merge.FirstLine} ({changes})");
        }
        foreach (var conflict in summary.Conflicts)
            console.Error.WriteLine($"conflict: {conflict.File}:{conflict.Line}: id '{conflict.Id}' is '{conflict.KeptName}'; this row names '{conflict.ConflictingName}' and was left out");
        foreach (var rejection in summary.Rejected)
            console.Error.WriteLine($"rejected: {rejection.File}:{rejection.Line}: {rejection.Reason}");
        if (summary.RejectedTotal > summary.Rejected.Count)
            console.Error.WriteLine($"… and {summary.RejectedTotal - summary.Rejected.Count:N0} more rejected rows (--rejects FILE writes them all).");
        if (summary.RejectedTotal == 0) return;
        var allowed = summary.RejectedTotal <= maxRejects ? $" (within --max-rejects {maxRejects:N0})" : "";
        console.Error.WriteLine($"{summary.RejectedTotal:N0} rows rejected{allowed}; every other row was imported.");
    }

    sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
