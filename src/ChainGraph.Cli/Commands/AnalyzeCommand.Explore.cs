using System.CommandLine;
using System.Globalization;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;

namespace ChainGraph.Cli.Commands;

/// <summary>The researchers' verbs: paths, linkage between groups, communities, centrality, the four chains.</summary>
public static partial class AnalyzeCommand
{
    static Command Paths(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Start node id.", Required = true };
        var to = new Option<string?>("--to") { Description = "End node id (omit with --within)." };
        var k = new Option<int>("--k") { Description = "How many shortest loop-free paths (Yen).", DefaultValueFactory = _ => 1 };
        var within = new Option<int?>("--within") { Description = "Instead: every node within this many steps of --from." };
        var label = new Option<string?>("--label") { Description = "With --within: only nodes of this label (e.g. Enterprise)." };
        var types = new Option<string?>("--types") { Description = "Relationship types to walk, comma-separated (default MAKES,SUPPLIES,INPUT_TO)." };
        var walk = new Option<Walk>("--walk") { Description = "Forward, Backward or Either.", DefaultValueFactory = _ => Walk.Either };
        var limit = new Option<int>("--limit") { Description = "At most this many nodes with --within.", DefaultValueFactory = _ => 500 };
        var command = new Command("paths", "Shortest paths, the k shortest, or everything within k steps.") { from, to, k, within, label, types, walk, limit, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new PathsRequest(result.GetValue(from)!, result.GetValue(to), result.GetValue(k), result.GetValue(within),
                result.GetValue(label), result.GetValue(types), result.GetValue(walk), result.GetValue(limit));
            var (answer, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            if (answer.Nearby is { } near)
            {
                var nearRows = near.Select(n => (IReadOnlyList<string>)[n.Id, n.Name, n.Label, Number(n.Distance)]).ToList();
                return Emit(console, result, near, new Table(Words.Header(language, "编号|id", "名称|name", "类型|label", "步数|distance"), nearRows),
                    new Phrase("{2} {1} 步以内有 {0:N0} 个节点。", "{0:N0} nodes within {1} steps of {2}.", answer.Total, request.Within, answer.From.Name).In(language), null,
                    (near.Count, answer.Total, "节点|nodes", "--limit"));
            }
            var paths = answer.Paths!;
            var rows = paths.Select((p, i) => (IReadOnlyList<string>)[Number(i + 1), Number(p.Length), Describe(p)]).ToList();
            return Emit(console, result, new PathList(paths), new Table(Words.Header(language, "#|#", "长度|length", "路径|path"), rows),
                paths.Count == 0 ? language.Say("没有路径。|No path.")
                : new Phrase("{1} 到 {2} 的路径 {0} 条。", "{0} path(s) from {1} to {2}.", paths.Count, answer.From.Name, answer.To!.Name).In(language), null);
        });
        return command;
    }

    static Command Linkage(CliConsole console)
    {
        var a = new Option<string>("--a") { Description = "First group: a cluster (id or name) or a region.", Required = true };
        var b = new Option<string>("--b") { Description = "Second group.", Required = true };
        var top = new Option<int>("--top") { Description = "How many brokers.", DefaultValueFactory = _ => 20 };
        var command = new Command("linkage", "How two groups (regions, clusters) are linked: crossing supply links, segments, brokers.") { a, b, top, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new LinkageRequest(result.GetValue(a)!, result.GetValue(b)!, result.GetValue(top));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var rows = report.Brokers.Select((x, i) => (IReadOnlyList<string>)[language.Say("中介|broker"), Number(i + 1), x.Id, x.Name, Number(x.Score), ""])
                .Concat(report.Segments.Select(s => (IReadOnlyList<string>)[language.Say("环节|segment"), "", s.Id, s.Name, Number(s.Links), ""]))
                .Concat(report.Links.Select(l => (IReadOnlyList<string>)[language.Say("关联|link"), l.Kind, $"{l.From}->{l.To}", $"{l.FromName} → {l.ToName}", l.Product ?? "", l.UsedIn ?? ""]))
                .ToList();
            return Emit(console, result, report, new Table(Words.Header(language, "类别|kind", "排名|rank", "编号|id", "名称|name", "得分/产品|score / product", "用于|used in"), rows),
                new Phrase("{0}（{1}）↔ {2}（{3}）：跨组关联 {4} 条，中介 {5} 个。", "{0} ({1}) ↔ {2} ({3}): {4} crossing links, {5} brokers.",
                    report.GroupA, report.SizeA, report.GroupB, report.SizeB, report.Links.Count, report.Brokers.Count).In(language), report.Coverage);
        });
        return command;
    }

    static Command Communities(CliConsole console)
    {
        var top = new Option<int>("--top") { Description = "How many of the largest communities to describe.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Random seed of Louvain's node order.", DefaultValueFactory = _ => 42 };
        var resolution = new Option<double>("--resolution") { Description = "Modularity resolution (higher: smaller communities).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("communities", "Louvain communities of the supply network, compared with provinces and official clusters.") { top, seed, resolution, Scope, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CommunitiesRequest(result.GetValue(top), result.GetValue(seed), result.GetValue(resolution), result.GetValue(Scope));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var rows = report.Largest.Select(c => (IReadOnlyList<string>)
            [
                Number(c.Id), Number(c.Size), Number(c.Enterprises), string.Join("、", c.TopMembers),
                string.Join("; ", c.Provinces.Select(p => $"{p.Name} {p.Fraction * 100:0}%")), string.Join("; ", c.Clusters.Select(p => $"{p.Name} {p.Fraction * 100:0}%")),
            ]).ToList();
            return Emit(console, result, report,
                new Table(Words.Header(language, "社区|community", "规模|size", "企业|enterprises", "主要成员|top members", "省份|provinces", "集群|clusters"), rows),
                new Phrase("社区 {0:N0} 个，模块度 {1:0.0000}。", "{0:N0} communities, modularity {1:0.0000}.", report.Count, report.Modularity).In(language), report.Coverage,
                (report.Largest.Count, report.Count, "社区|communities", "--top"));
        });
        return command;
    }

    static Command Centrality(CliConsole console)
    {
        var top = new Option<int>("--top") { Description = "How many nodes per ranking.", DefaultValueFactory = _ => 20 };
        var samples = new Option<int>("--samples") { Description = "Betweenness source samples (error ~ 1/√samples).", DefaultValueFactory = _ => 500 };
        var label = new Option<string?>("--label") { Description = "Only rank nodes of this label (Enterprise or Product)." };
        var command = new Command("centrality", "PageRank and approximate betweenness of the supply network.") { top, samples, label, Scope, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CentralityRequest(result.GetValue(top), result.GetValue(samples), result.GetValue(label), result.GetValue(Scope), TagSet.Parse(result.GetValue(Tag)));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var rows = report.PageRank.Select((r, i) => (IReadOnlyList<string>)["pagerank", Number(i + 1), r.Id, r.Name, r.Label, r.Score.ToString("G6", CultureInfo.InvariantCulture)])
                .Concat(report.Betweenness.Select((r, i) => (IReadOnlyList<string>)["betweenness", Number(i + 1), r.Id, r.Name, r.Label, r.Score.ToString("G6", CultureInfo.InvariantCulture)]))
                .ToList();
            return Emit(console, result, report, new Table(Words.Header(language, "排序|ranking", "排名|rank", "编号|id", "名称|name", "类型|label", "得分|score"), rows),
                new Phrase("范围：{0}；介数由 {1} 个抽样源点估计。", "Ranked: {0}; betweenness from {1} sampled sources.", ScopeName(report.Scope), report.Samples).In(language), report.Coverage);
        });
        return command;
    }

    static Command FourChains(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var region = new Option<string>("--region") { Description = "Province or city.", Required = true };
        var command = new Command("four-chains", "Industry × innovation × capital coverage per segment, and chokepoints no local centre supports.") { chain, region, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new FourChainsRequest(result.GetValue(chain)!, result.GetValue(region)!);
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var rows = report.Segments.Select(s => (IReadOnlyList<string>)
            [
                s.Name, ReportTables.Stage(s.Stage, language), Number(s.Industry), string.Join("、", s.Innovation), Number(s.ListedMakers), string.Join("、", s.ChokepointProducts),
                s.UnsupportedChokepoint ? language.Say("是|yes") : "",
            ]).ToList();
            return Emit(console, result, report, new Table(Words.Header(language, "环节|segment", "阶段|stage", "产业链|industry", "创新链|innovation", "资金链（上市）|capital (listed)",
                    "卡脖子产品|chokepoints", "无本地支撑|unsupported"), rows),
                new Phrase("{0} · {1}：{2} 个卡脖子环节没有本地创新支撑（人才链：数据中没有）。",
                    "{0} in {1}: {2} chokepoint segments without local innovation support (talent: not in the data).",
                    report.ChainName, report.Region, report.Segments.Count(s => s.UnsupportedChokepoint)).In(language), report.Coverage);
        });
        return command;
    }

    static string Describe(PathView path) =>
        string.Concat(path.Nodes.Select((n, i) => i == 0 ? n.Name
            : $" {(path.Steps[i - 1].Forward ? "-" : "<-")}{path.Steps[i - 1].Type}{(path.Steps[i - 1].Forward ? "->" : "-")} {n.Name}"));
}
