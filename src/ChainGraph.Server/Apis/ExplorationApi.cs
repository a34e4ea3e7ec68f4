using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;

namespace ChainGraph.Server.Apis;

/// <summary>The researchers' analyses, with the same results as <c>chaingraph analyze paths|linkage|communities|centrality|four-chains</c>.</summary>
public static class ExplorationApi
{
    public static IEndpointRouteBuilder MapExplorationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analyses").WithTags("Exploration").RequireAuthorization(Policies.Reader);
        api.MapGet("/paths", Paths).WithSummary("Shortest path(s) between two nodes (k > 1: Yen's k shortest loop-free), or every node within k steps.");
        api.MapGet("/linkage", Linkage).WithSummary("How two groups (regions or clusters) are linked: crossing supply links, segments, brokers.");
        api.MapGet("/communities", Communities).WithSummary("Louvain communities of the supply network compared with provinces and clusters.");
        api.MapGet("/centrality", Centrality).WithSummary("PageRank and sampled betweenness rankings of the supply network.");
        api.MapGet("/four-chains", FourChains).WithSummary("Industry × innovation × capital coverage per segment; chokepoints without local innovation support.");
        return app;
    }

    static async Task<IResult> Paths(GraphService graph, string from, CancellationToken cancellationToken, string? to = null, int k = 1,
        int? within = null, string? label = null, string? types = null, Walk walk = Walk.Either, int limit = 500)
    {
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        var traversal = Traversal.Parse(types, walk);
        var start = Index(snapshot, from);
        if (within is { } steps)
        {
            NodeLabel? only = label is null ? null : GraphSchema.TryParseLabel(label, out var l) ? l : throw new ArgumentException($"Unknown label '{label}'.");
            return TypedResults.Ok(PathFinder.Within(snapshot, start, Math.Clamp(steps, 1, 6), traversal, only, Math.Clamp(limit, 1, 5000))
                .Select(n => new { id = snapshot.Ids[n.Node], name = snapshot.Names[n.Node], label = GraphSchema.Name(snapshot.Labels[n.Node]), distance = n.Distance }));
        }
        var end = Index(snapshot, to ?? throw new ArgumentException("Give 'to', or 'within'."));
        var paths = PathFinder.KShortest(snapshot, start, end, Math.Clamp(k, 1, 20), traversal);
        return TypedResults.Ok(new { paths = paths.Select(p => PathView.Of(snapshot, p)) });
    }

    static async Task<IResult> Linkage(GraphService graph, string a, string b, CancellationToken cancellationToken, int top = 20) =>
        TypedResults.Ok(await graph.CachedAsync($"{a}|{b}|{top}", s => GroupLinkage.Run(s, NodeGroup.Resolve(s, a), NodeGroup.Resolve(s, b), Math.Clamp(top, 1, 200)), cancellationToken));

    static async Task<IResult> Communities(GraphService graph, CancellationToken cancellationToken, int top = 20, int seed = 42, double resolution = 1.0)
    {
        var report = await CommunitiesAsync(graph, seed, resolution, cancellationToken);
        return TypedResults.Ok(report with { Largest = report.Largest.Take(Math.Clamp(top, 1, 200)).ToList() });
    }

    /// <summary>The communities of the current snapshot, computed once per seed and resolution (the hub's colouring shares them).</summary>
    internal static Task<CommunityReport> CommunitiesAsync(GraphService graph, int seed, double resolution, CancellationToken cancellationToken) =>
        graph.CachedAsync($"{seed}|{resolution}", s => CommunityAnalysis.Run(s, 200, seed, resolution), cancellationToken);

    static async Task<IResult> Centrality(GraphService graph, CancellationToken cancellationToken, int top = 20, int samples = 500, string? label = null)
    {
        NodeLabel? only = label is null ? null : GraphSchema.TryParseLabel(label, out var l) ? l : throw new ArgumentException($"Unknown label '{label}'.");
        return TypedResults.Ok(await graph.CachedAsync($"{top}|{samples}|{label}", s => CentralityAnalysis.Run(s, Math.Clamp(top, 1, 500), Math.Clamp(samples, 1, 100_000), label: only), cancellationToken));
    }

    static async Task<IResult> FourChains(GraphService graph, string chain, string region, CancellationToken cancellationToken) =>
        TypedResults.Ok(await graph.CachedAsync($"{chain}|{region}", s => FourChainsAnalysis.Run(s, ChainSegments.Resolve(s, chain), RegionFilter.Parse(region)), cancellationToken));

    static int Index(Model.Snapshot.GraphSnapshot snapshot, string id) =>
        snapshot.TryGetIndex(id, out var v) ? v : throw new ArgumentException($"No node with id '{id}'.");
}
