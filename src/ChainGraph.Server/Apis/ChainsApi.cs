using ChainGraph.Analysis.Chains;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>The chains and regions the pickers offer.</summary>
public static class ChainsApi
{
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Model.Snapshot.GraphSnapshot, List<ChainSummary>> ChoicesBySnapshot = new();

    public static IEndpointRouteBuilder MapChainsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Chains").RequireAuthorization(Policies.Reader);
        api.MapGet("/chains", Chains).WithSummary(
            "What the chain picker offers: the chain templates (kind chain), then the industries that can form a chain no template covers"
            + " (kind industry: members in it or below it), with their segment counts, strategic sector and SW level-1 industry.");
        api.MapGet("/chains/{id}", Chain).WithSummary("A chain's segments, upstream first: a Chain id, or an Industry id or name.");
        api.MapGet("/chains/{id}/coverage", Coverage)
            .WithSummary("Per segment of a chain, how many makers its match rules attach and by which rule (挂链); for a derived chain, how it was derived.");
        api.MapGet("/regions", Regions).WithSummary("Provinces and cities that have enterprises, with how many.");
        return app;
    }

    static async Task<Ok<IEnumerable<ChainSummary>>> Chains(GraphService graph, CancellationToken cancellationToken)
    {
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        // Deriving every industry's chain takes a moment on a large classification: once per snapshot version.
        var chains = ChoicesBySnapshot.GetValue(snapshot, s => ChainSegments.Choices(s)
            .Select(c => new ChainSummary(c.Id, c.Name, c.Segments, c.Kind, c.Sector, c.Division, c.Enterprises, c.Level)).ToList());
        return TypedResults.Ok<IEnumerable<ChainSummary>>(chains);
    }

    static async Task<Results<Ok<ChainDetail>, ProblemHttpResult>> Chain(GraphService graph, string id, CancellationToken cancellationToken)
    {
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        ResolvedChain chain;
        try
        {
            chain = ChainSegments.Resolve(snapshot, id);
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        return TypedResults.Ok(new ChainDetail(chain.Id, chain.Name, chain.Segments.Select(s =>
            new SegmentSummary(s.Id, s.Name, s.Stage, s.Order, s.Products.Length, s.Makers.Length)), chain.Sector, chain.Derived));
    }

    static async Task<Ok<ChainCoverageReport>> Coverage(GraphService graph, HttpContext http, string id, CancellationToken cancellationToken,
        double minUpstreamWeight = 3, bool includeServices = false)
    {
        var request = new CoverageRequest(id, ChainOptions.Default with { MinUpstreamWeight = minUpstreamWeight, IncludeServices = includeServices });
        return TypedResults.Ok((await graph.RunAsync(request, cancellationToken)).For(http));
    }

    static async Task<Ok<IEnumerable<RegionSummary>>> Regions(GraphService graph, CancellationToken cancellationToken)
    {
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        var enterprises = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise).ToList();
        var provinces = enterprises.Where(v => snapshot.Provinces[v] is not null).GroupBy(v => snapshot.Provinces[v]!)
            .Select(g => new RegionSummary(g.Key, "province", null, g.Count()));
        var cities = enterprises.Where(v => snapshot.Cities[v] is not null && snapshot.Cities[v] != snapshot.Provinces[v])
            .GroupBy(v => (snapshot.Cities[v]!, snapshot.Provinces[v]))
            .Select(g => new RegionSummary(g.Key.Item1, "city", g.Key.Item2, g.Count()));
        return TypedResults.Ok<IEnumerable<RegionSummary>>(provinces.Concat(cities).OrderByDescending(r => r.Enterprises).ToList());
    }
}

/// <summary>A chain the picker offers: kind "chain" (a template) or "industry" (a chain derived from the classification).</summary>
public sealed record ChainSummary(string Id, string Name, int Segments, string Kind = "chain", string? Sector = null, string? Division = null,
    int? Enterprises = null, int? Level = null);

public sealed record ChainDetail(string Id, string Name, IEnumerable<SegmentSummary> Segments, string? Sector = null, DerivedChain? Derived = null);

public sealed record SegmentSummary(string Id, string Name, string Stage, int Order, int Products, int Makers);

public sealed record RegionSummary(string Name, string Level, string? Province, int Enterprises);
