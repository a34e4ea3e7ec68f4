using System.CommandLine;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Scope;
using ChainGraph.Application;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Formats.Csv;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Cli.Commands;

/// <summary><c>analyze chokepoints|gaps|compare|rank|disruption|…</c>: the analyses over the in-memory snapshot.</summary>
public static partial class AnalyzeCommand
{
    static readonly Option<string?> Csv = new("--csv") { Description = "Also write the ranked table to this CSV file (for spreadsheets)." };

    /// <summary>What a ranking covers: Strategic (the strategic emerging industries) or All; chokepoints, carriers and centrality share it.</summary>
    static readonly Option<ChokepointScope> Scope = new("--scope")
    {
        Description = "Without --chain: Strategic (the strategic emerging industries) or All.", DefaultValueFactory = _ => ChokepointOptions.Default.Scope,
    };

    static readonly Option<string?> Tag = new("--tag")
    {
        Description = "Only enterprises with one of these tags count, comma-separated (链主,专精特新,单项冠军); in chokepoints and centrality, what they hold.",
    };

    public static Command Create(CliConsole console) =>
        new("analyze", "Run an analysis: chokepoints, gaps, compare, rank, disruption, paths, linkage, communities, centrality or four-chains.")
        {
            Chokepoints(console), Gaps(console), Compare(console), Rank(console), Disruption(console),
            Paths(console), Linkage(console), Communities(console), Centrality(console), FourChains(console), Coverage(console),
            Alternatives(console), SupplyLoss(console), Countries(console), Carriers(console),
        };

    static Command Chokepoints(CliConsole console)
    {
        var chain = new Option<string?>("--chain") { Description = "Only this chain: a Chain id, or an Industry id or name." };
        var top = new Option<int>("--top") { Description = "How many items to list.", DefaultValueFactory = _ => ChokepointOptions.Default.Top };
        var hhi = new Option<double>("--concentrated-hhi") { Description = "HHI above which supply is concentrated.", DefaultValueFactory = _ => ChokepointOptions.Default.ConcentratedHhi };
        var command = new Command("chokepoints", "Rank the inputs strategic chains depend on that few known makers, one province or makers abroad supply.") { chain, top, hhi, Scope, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new ChokepointsRequest(result.GetValue(chain),
                ChokepointOptions.Default with
                {
                    Top = result.GetValue(top), ConcentratedHhi = result.GetValue(hhi), Scope = result.GetValue(Scope), Tags = TagSet.Parse(result.GetValue(Tag)),
                });
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            return Emit(console, result, report, ReportTables.Chokepoints(report, language),
                new Phrase("{0}的卡脖子环节：关节点 {1:N0} 个，桥 {2:N0} 条，自无投入的源头可达产品 {3:N0} 种。",
                    "Chokepoints of {0}: {1:N0} articulation points, {2:N0} bridges, {3:N0} products reachable from an input-free source.",
                    ScopeName(report.Scope), report.ArticulationPoints.Count, report.Bridges, report.ReachableProducts).In(language),
                report.Coverage);
        });
        return command;
    }

    static Command Gaps(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var region = new Option<string>("--region") { Description = "Province, city, county or development zone (name or code), a cluster, or a country code.", Required = true };
        var weak = new Option<int>("--weak-below") { Description = "Fewer local makers than this is weak.", DefaultValueFactory = _ => ChainGapOptions.Default.WeakBelow };
        var strong = new Option<int>("--strong-at") { Description = "At least this many local makers is strong.", DefaultValueFactory = _ => ChainGapOptions.Default.StrongAt };
        var candidates = new Option<int>("--candidates") { Description = "Candidates per missing or weak segment.", DefaultValueFactory = _ => ChainGapOptions.Default.Candidates };
        var command = new Command("gaps", "Which segments a region lacks or holds weakly, and who could fill them (招商 list).") { chain, region, weak, strong, candidates, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new GapsRequest(result.GetValue(chain)!, result.GetValue(region)!, ChainGapOptions.Default with
            {
                WeakBelow = result.GetValue(weak), StrongAt = result.GetValue(strong), Candidates = result.GetValue(candidates),
                Tags = TagSet.Parse(result.GetValue(Tag)),
            });
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var counts = Phrase.Join([.. report.Segments.GroupBy(s => s.Status).Select(g => new Phrase("{1} {0} 个", "{0} {1}", g.Count(), GapStatusText.Of(g.Key)))]);
            return Emit(console, result, report, ReportTables.Gaps(report, language),
                new Phrase("{0} · {1}：{2}", "{0} in {1}: {2}", report.ChainName, report.Region, counts).In(language) + Derived(report.Derived, language), report.Coverage);
        });
        return command;
    }

    static Command Disruption(CliConsole console)
    {
        var remove = new Option<string?>("--remove") { Description = "Comma-separated ids of enterprises or products to remove." };
        var region = new Option<string?>("--region") { Description = "Remove every enterprise of this region." };
        var chain = new Option<string?>("--chain") { Description = "Also report the loss per segment of this chain (Chain id or Industry)." };
        var command = new Command("disruption", "What a disruption cuts off downstream.") { remove, region, chain, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new DisruptionRequest(result.GetValue(remove), result.GetValue(region), result.GetValue(chain));
            var (report, snapshot) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var view = DisruptionView.Of(snapshot, report);
            var rows = view.LostProducts.Select(p => (IReadOnlyList<string>)[language.Say("断供产品|lost product"), p.Id, p.Name])
                .Concat(view.AffectedEnterprises.Select(e => (IReadOnlyList<string>)[language.Say("受影响企业|affected enterprise"), e.Id, e.Name]))
                .Concat(view.Segments.Select(s => (IReadOnlyList<string>)[language.Say("环节损失|segment lost"), s.Id, $"{s.Name}: {s.Lost}/{s.Products} ({s.Share * 100:0}%)"]))
                .ToList();
            return Emit(console, result, view, new Table(Words.Header(language, "类别|kind", "编号|id", "名称|name"), rows),
                new Phrase("移除 {0} 个节点：{1:N0} 种产品断供，{2:N0} 家企业受影响。", "Removing {0} nodes loses {1:N0} products and hits {2:N0} enterprises.",
                    report.Removed.Length, report.LostProducts.Length, report.AffectedEnterprises.Length).In(language), report.Coverage);
        });
        return command;
    }

    /// <summary>The query's answer, and the snapshot it was computed on: validated first, then the store is read.</summary>
    static async Task<(T Report, GraphSnapshot Snapshot)> RunAsync<T>(ParseResult result, IQuery<T> query, CancellationToken cancellationToken)
        where T : class
    {
        query.Validate();
        var snapshot = await LoadAsync(result, cancellationToken);
        return (query.Run(snapshot, cancellationToken), snapshot);
    }

    static async Task<GraphSnapshot> LoadAsync(ParseResult result, CancellationToken cancellationToken)
    {
        await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
        return await store.LoadSnapshotAsync(cancellationToken);
    }

    /// <summary>The answer: JSON, or a summary line, the table and what a limit cut; and the CSV when asked for.</summary>
    static int Emit<T>(CliConsole console, ParseResult result, T json, Table table, string summary, DataCoverage? coverage,
        (int Shown, long Total, string What, string Option)? cut = null) // What: "中文|English"
    {
        if (result.GetValue(Csv) is { } path)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, CsvText.Table(table.Header, table.Rows));
        }
        if (result.GetValue(CommonOptions.Json))
        {
            console.WriteJson(json, CommonOptions.LanguageOf(result));
            return ExitCodes.Ok;
        }
        console.Out.WriteLine(summary);
        var language = CommonOptions.LanguageOf(result);
        if (coverage is not null) console.Out.WriteLine(language.Say("数据覆盖：|coverage: ") + coverage.Summary().In(language));
        console.WriteTable(table.Header, table.Rows);
        if (cut is var (shown, total, what, option)) console.WriteShown(shown, total, what, option, language);
        return ExitCodes.Ok;
    }

    static string Number(double value) => ReportTables.Number(value);

    /// <summary>What a ranking covered: the strategic emerging industries, everything, or the chain named.</summary>
    static Phrase ScopeName(string scope) => scope switch
    {
        "strategic" => new Phrase("战略性新兴产业", "strategic"),
        "all" => new Phrase("全部产品", "all"),
        _ => Phrase.Verbatim(scope),
    };

    /// <summary>How a chain without a template was derived, on a line of its own; nothing for a template.</summary>
    static string Derived(DerivedChain? derived, Language language) => derived is null ? "" : Environment.NewLine + derived.Why.In(language);
}
