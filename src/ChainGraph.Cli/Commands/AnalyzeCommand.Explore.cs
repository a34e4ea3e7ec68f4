using System.CommandLine;
using System.Globalization;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;

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
            if (answer.Nearby is { } near)
            {
                var nearRows = near.Select(n => (IReadOnlyList<string>)[n.Id, n.Name, n.Label, Number(n.Distance)]).ToList();
                return Emit(console, result, near, new Table(["id", "name", "label", "distance"], nearRows),
                    $"{answer.Total:N0} nodes within {request.Within} steps of {answer.From.Name}.", null, (near.Count, answer.Total, "nodes", "--limit"));
            }
            var paths = answer.Paths!;
            var rows = paths.Select((p, i) => (IReadOnlyList<string>)[Number(i + 1), Number(p.Length), Describe(p)]).ToList();
            return Emit(console, result, new PathList(paths), new Table(["#", "length", "path"], rows),
                paths.Count == 0 ? "No path." : $"{paths.Count} path(s) from {answer.From.Name} to {answer.To!.Name}.", null);
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
            var rows = report.Brokers.Select((x, i) => (IReadOnlyList<string>)["broker", Number(i + 1), x.Id, x.Name, Number(x.Score), ""])
                .Concat(report.Segments.Select(s => (IReadOnlyList<string>)["segment", "", s.Id, s.Name, Number(s.Links), ""]))
                .Concat(report.Links.Select(l => (IReadOnlyList<string>)["link", l.Kind, $"{l.From}->{l.To}", $"{l.FromName} → {l.ToName}", l.Product ?? "", l.UsedIn ?? ""]))
                .ToList();
            return Emit(console, result, report, new Table(["kind", "rank", "id", "name", "score / product", "used in"], rows),
                $"{report.GroupA} ({report.SizeA}) ↔ {report.GroupB} ({report.SizeB}): {report.Links.Count} crossing links, {report.Brokers.Count} brokers.", report.Coverage);
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
            var rows = report.Largest.Select(c => (IReadOnlyList<string>)
            [
                Number(c.Id), Number(c.Size), Number(c.Enterprises), string.Join("、", c.TopMembers),
                string.Join("; ", c.Provinces.Select(p => $"{p.Name} {p.Fraction * 100:0}%")), string.Join("; ", c.Clusters.Select(p => $"{p.Name} {p.Fraction * 100:0}%")),
            ]).ToList();
            return Emit(console, result, report, new Table(["community", "size", "enterprises", "top members", "provinces", "clusters"], rows),
                $"{report.Count:N0} communities, modularity {report.Modularity:0.0000}.", report.Coverage, (report.Largest.Count, report.Count, "communities", "--top"));
        });
        return command;
    }

    static Command Centrality(CliConsole console)
    {
        var top = new Option<int>("--top") { Description = "How many nodes per ranking.", DefaultValueFactory = _ => 20 };
        var samples = new Option<int>("--samples") { Description = "Betweenness source samples (error ~ 1/√samples).", DefaultValueFactory = _ => 500 };
        var label = new Option<string?>("--label") { Description = "Only rank nodes of this label (Enterprise or Product)." };
        var command = new Command("centrality", "PageRank and approximate betweenness of the supply network.") { top, samples, label, Scope, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CentralityRequest(result.GetValue(top), result.GetValue(samples), result.GetValue(label), result.GetValue(Scope));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var rows = report.PageRank.Select((r, i) => (IReadOnlyList<string>)["pagerank", Number(i + 1), r.Id, r.Name, r.Label, r.Score.ToString("G6", CultureInfo.InvariantCulture)])
                .Concat(report.Betweenness.Select((r, i) => (IReadOnlyList<string>)["betweenness", Number(i + 1), r.Id, r.Name, r.Label, r.Score.ToString("G6", CultureInfo.InvariantCulture)]))
                .ToList();
            return Emit(console, result, report, new Table(["ranking", "rank", "id", "name", "label", "score"], rows), $"Ranked: {report.Scope}; betweenness from {report.Samples} sampled sources.", report.Coverage);
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
            var rows = report.Segments.Select(s => (IReadOnlyList<string>)
            [
                s.Name, s.Stage, Number(s.Industry), string.Join("、", s.Innovation), Number(s.ListedMakers), string.Join("、", s.ChokepointProducts), s.UnsupportedChokepoint ? "yes" : "",
            ]).ToList();
            return Emit(console, result, report, new Table(["segment", "stage", "industry", "innovation", "capital (listed)", "chokepoints", "unsupported"], rows),
                $"{report.ChainName} in {report.Region}: {report.Segments.Count(s => s.UnsupportedChokepoint)} chokepoint segments without local innovation support (talent: not in the data).", report.Coverage);
        });
        return command;
    }

    static string Describe(PathView path) =>
        string.Concat(path.Nodes.Select((n, i) => i == 0 ? n.Name
            : $" {(path.Steps[i - 1].Forward ? "-" : "<-")}{path.Steps[i - 1].Type}{(path.Steps[i - 1].Forward ? "->" : "-")} {n.Name}"));
}
