using System.CommandLine;
using System.Globalization;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Cli.Commands;

/// <summary><c>analyze chokepoints|gaps|disruption</c>: the analyses over the in-memory snapshot.</summary>
public static partial class AnalyzeCommand
{
    static readonly Option<string?> Csv = new("--csv") { Description = "Also write the ranked table to this CSV file (for spreadsheets)." };

    public static Command Create(CliConsole console) =>
        new("analyze", "Find chain gaps and chokepoints, or what a disruption cuts off.")
        {
            Chokepoints(console), Gaps(console), Disruption(console),
            Paths(console), Linkage(console), Communities(console), Centrality(console), FourChains(console),
        };

    static Command Chokepoints(CliConsole console)
    {
        var chain = new Option<string?>("--chain") { Description = "Only this chain: a Chain id, or an Industry id or name." };
        var top = new Option<int>("--top") { Description = "How many items to list.", DefaultValueFactory = _ => ChokepointOptions.Default.Top };
        var hhi = new Option<double>("--concentrated-hhi") { Description = "HHI above which supply is concentrated.", DefaultValueFactory = _ => ChokepointOptions.Default.ConcentratedHhi };
        var command = new Command("chokepoints", "Rank single-sourced, concentrated, foreign-dependent and structurally critical inputs.") { chain, top, hhi, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var snapshot = await LoadAsync(result, cancellationToken);
            var scope = result.GetValue(chain) is { } c ? ChainSegments.Resolve(snapshot, c) : null;
            var options = ChokepointOptions.Default with { Top = result.GetValue(top), ConcentratedHhi = result.GetValue(hhi) };
            var report = ChokepointAnalysis.Run(snapshot, scope, options);
            string[] header = ["rank", "id", "name", "label", "suppliers", "hhi", "foreignShare", "dominates", "articulation", "score", "why"];
            var rows = report.Items.Select((i, rank) => (IReadOnlyList<string>)
            [
                (rank + 1).ToString(CultureInfo.InvariantCulture), i.Id, i.Name, i.Label, Number(i.Suppliers), Number(i.Hhi), Number(i.ForeignShare),
                Number(i.Dominates), i.Articulation ? "yes" : "", Number(i.Score), i.Why,
            ]).ToList();
            return Emit(console, result, report, header, rows,
                $"{report.ArticulationPoints.Count:N0} articulation points, {report.Bridges:N0} bridges, {report.ReachableProducts:N0} products reachable from an input-free source.");
        });
        return command;
    }

    static Command Gaps(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var region = new Option<string>("--region") { Description = "Province or city (short or full name), or a country code.", Required = true };
        var weak = new Option<int>("--weak-below") { Description = "Fewer local makers than this is weak.", DefaultValueFactory = _ => ChainGapOptions.Default.WeakBelow };
        var strong = new Option<int>("--strong-at") { Description = "At least this many local makers is strong.", DefaultValueFactory = _ => ChainGapOptions.Default.StrongAt };
        var candidates = new Option<int>("--candidates") { Description = "Candidates per missing or weak segment.", DefaultValueFactory = _ => ChainGapOptions.Default.Candidates };
        var command = new Command("gaps", "Which segments a region lacks or holds weakly, and who could fill them (招商 list).") { chain, region, weak, strong, candidates, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var snapshot = await LoadAsync(result, cancellationToken);
            var options = ChainGapOptions.Default with
            {
                WeakBelow = result.GetValue(weak), StrongAt = result.GetValue(strong), Candidates = result.GetValue(candidates),
            };
            var report = ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, result.GetValue(chain)!),
                RegionFilter.Parse(result.GetValue(region)!), options);
            string[] header = ["segment", "stage", "status", "local", "national", "rank", "candidate", "name", "province", "city", "score", "why"];
            var rows = report.Segments.SelectMany(s => s.Candidates.Count == 0
                ? [Row(s, null, 0)]
                : s.Candidates.Select((c, i) => Row(s, c, i + 1))).ToList();
            return Emit(console, result, report, header, rows, $"{report.ChainName} in {report.Region}: " +
                string.Join(", ", report.Segments.GroupBy(s => s.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")));
        });
        return command;

        static IReadOnlyList<string> Row(SegmentGap s, GapCandidate? c, int rank) =>
        [
            s.Name, s.Stage, s.Status.ToString().ToLowerInvariant(), Number(s.Local), Number(s.National),
            rank == 0 ? "" : Number(rank), c?.Id ?? "", c?.Name ?? "", c?.Province ?? (c?.Country is null or "CN" ? "" : c.Country), c?.City ?? "",
            c is null ? "" : Number(c.Score), c?.Why ?? "",
        ];
    }

    static Command Disruption(CliConsole console)
    {
        var remove = new Option<string?>("--remove") { Description = "Comma-separated ids of enterprises or products to remove." };
        var region = new Option<string?>("--region") { Description = "Remove every enterprise of this region." };
        var chain = new Option<string?>("--chain") { Description = "Also report the loss per segment of this chain (Chain id or Industry)." };
        var command = new Command("disruption", "What a disruption cuts off downstream.") { remove, region, chain, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var snapshot = await LoadAsync(result, cancellationToken);
            var ids = (result.GetValue(remove) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length == 0 && result.GetValue(region) is null) throw new ArgumentException("Give --remove ID[,ID...] or --region NAME.");
            var removed = ids.Select(id => snapshot.TryGetIndex(id, out var v) ? v : throw new ArgumentException($"No node with id '{id}'.")).ToList();
            var chains = result.GetValue(chain) is { } c ? [ChainSegments.Resolve(snapshot, c)] : TemplateChains(snapshot);
            var region1 = result.GetValue(region) is { } r ? RegionFilter.Parse(r) : null;
            var report = DisruptionAnalysis.Run(snapshot, removed, region1, chains);
            var json = new
            {
                removed = report.Removed.Select(v => snapshot.Ids[v]),
                lostProducts = report.LostProducts.Select(v => new { id = snapshot.Ids[v], name = snapshot.Names[v] }),
                affectedEnterprises = report.AffectedEnterprises.Select(v => new { id = snapshot.Ids[v], name = snapshot.Names[v] }),
                segments = report.Segments.Select(s => new { chain = s.ChainId, id = s.SegmentId, name = s.Name, s.Products, s.Lost, share = Math.Round(s.Share, 4) }),
            };
            string[] header = ["kind", "id", "name"];
            var rows = report.LostProducts.Select(v => (IReadOnlyList<string>)["lost product", snapshot.Ids[v], snapshot.Names[v]])
                .Concat(report.AffectedEnterprises.Select(v => (IReadOnlyList<string>)["affected enterprise", snapshot.Ids[v], snapshot.Names[v]]))
                .Concat(report.Segments.Select(s => (IReadOnlyList<string>)["segment lost", s.SegmentId, $"{s.Name}: {s.Lost}/{s.Products} ({s.Share * 100:0}%)"]))
                .ToList();
            return Emit(console, result, json, header, rows,
                $"Removing {report.Removed.Length} nodes loses {report.LostProducts.Length:N0} products and hits {report.AffectedEnterprises.Length:N0} enterprises.");
        });
        return command;
    }

    static IReadOnlyList<ResolvedChain> TemplateChains(GraphSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Chain)
            .Select(v => ChainSegments.Resolve(snapshot, snapshot.Ids[v])).ToList();

    static async Task<GraphSnapshot> LoadAsync(ParseResult result, CancellationToken cancellationToken)
    {
        await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
        return await store.LoadSnapshotAsync(cancellationToken);
    }

    static int Emit<T>(CliConsole console, ParseResult result, T json, string[] header, List<IReadOnlyList<string>> rows, string summary)
    {
        if (result.GetValue(Csv) is { } path) CsvTable.Write(path, header, rows);
        if (result.GetValue(CommonOptions.Json))
        {
            console.WriteJson(json);
            return ExitCodes.Ok;
        }
        console.Out.WriteLine(summary);
        console.WriteTable(header, rows);
        return ExitCodes.Ok;
    }

    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
