using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Analysis.Regions;
using ChainGraph.Application.Requests;
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
        var request = new PathsRequest(from, to, k, within, label, types, walk, limit);
        request.Validate();
        var traversal = Traversal.Parse(types, walk);
        var only = GraphSchema.ParseLabel(label, "label");
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        var start = snapshot.IndexOf(from, "from");
        if (within is { } steps)
        {
            return TypedResults.Ok(PathFinder.Within(snapshot, start, steps, traversal, only, limit).Nodes
                .Select(n => new { id = snapshot.Ids[n.Node], name = snapshot.Names[n.Node], label = GraphSchema.Name(snapshot.Labels[n.Node]), distance = n.Distance }));
        }
        var paths = PathFinder.KShortest(snapshot, start, snapshot.IndexOf(to!, "to"), k, traversal);
        return TypedResults.Ok(new { paths = paths.Select(p => PathView.Of(snapshot, p)) });
    }

    static async Task<IResult> Linkage(GraphService graph, string a, string b, CancellationToken cancellationToken, int top = 20)
    {
        new LinkageRequest(a, b, top).Validate();
        return TypedResults.Ok(await graph.CachedAsync($"{a}|{b}|{top}", s => GroupLinkage.Run(s, NodeGroup.Resolve(s, a, "a"), NodeGroup.Resolve(s, b, "b"), top), cancellationToken));
    }

    static async Task<IResult> Communities(GraphService graph, CancellationToken cancellationToken, int top = 20, int seed = 42, double resolution = 1.0)
    {
        new CommunitiesRequest(top, seed, resolution).Validate();
        var report = await CommunitiesAsync(graph, seed, resolution, cancellationToken);
        return TypedResults.Ok(report with { Largest = report.Largest.Take(top).ToList() });
    }

    /// <summary>The communities of the current snapshot, computed once per seed and resolution (the hub's colouring shares them).</summary>
    internal static Task<CommunityReport> CommunitiesAsync(GraphService graph, int seed, double resolution, CancellationToken cancellationToken) =>
        graph.CachedAsync($"{seed}|{resolution}", (s, budget) => CommunityAnalysis.Run(s, 200, seed, resolution, budget), cancellationToken);

    static async Task<IResult> Centrality(GraphService graph, CancellationToken cancellationToken, int top = 20, int samples = 500, string? label = null)
    {
        new CentralityRequest(top, samples, label).Validate();
        var only = GraphSchema.ParseLabel(label, "label");
        return TypedResults.Ok(await graph.CachedAsync($"{top}|{samples}|{label}", (s, budget) => CentralityAnalysis.Run(s, top, samples, label: only, cancellationToken: budget),
            cancellationToken));
    }

    static async Task<IResult> FourChains(GraphService graph, string chain, string region, CancellationToken cancellationToken)
    {
        new FourChainsRequest(chain, region).Validate();
        return TypedResults.Ok(await graph.CachedAsync($"{chain}|{region}", s => FourChainsAnalysis.Run(s, ChainSegments.Resolve(s, chain), RegionFilter.Parse(region)), cancellationToken));
    }
}
