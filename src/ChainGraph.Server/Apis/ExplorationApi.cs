using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

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

    static async Task<Results<Ok<IReadOnlyList<NearbyNode>>, Ok<PathList>>> Paths(GraphService graph, HttpContext http, string from, CancellationToken cancellationToken,
        string? to = null, int k = 1, int? within = null, string? label = null, string? types = null, Walk walk = Walk.Either, int limit = 500)
    {
        var answer = (await graph.RunAsync(new PathsRequest(from, to, k, within, label, types, walk, limit), cancellationToken)).For(http);
        return answer.Nearby is { } near ? TypedResults.Ok(near) : TypedResults.Ok(new PathList(answer.Paths!));
    }

    static async Task<Ok<LinkageReport>> Linkage(GraphService graph, HttpContext http, string a, string b, CancellationToken cancellationToken, int top = 20) =>
        TypedResults.Ok((await graph.RunAsync(new LinkageRequest(a, b, top), cancellationToken)).For(http));

    static async Task<Ok<CommunityReport>> Communities(GraphService graph, HttpContext http, CancellationToken cancellationToken, int top = 20, int seed = 42,
        double resolution = 1.0, ChokepointScope scope = ChokepointScope.Strategic) =>
        TypedResults.Ok((await graph.RunAsync(new CommunitiesRequest(top, seed, resolution, scope), cancellationToken)).For(http));

    static async Task<Ok<CentralityReport>> Centrality(GraphService graph, HttpContext http, CancellationToken cancellationToken, int top = 20, int samples = 500,
        string? label = null, ChokepointScope scope = ChokepointScope.Strategic, string? tag = null) =>
        TypedResults.Ok((await graph.RunAsync(new CentralityRequest(top, samples, label, scope, TagSet.Parse(tag)), cancellationToken)).For(http));

    static async Task<Ok<FourChainsReport>> FourChains(GraphService graph, HttpContext http, string chain, string region, CancellationToken cancellationToken) =>
        TypedResults.Ok((await graph.RunAsync(new FourChainsRequest(chain, region), cancellationToken)).For(http));
}
