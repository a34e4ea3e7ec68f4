using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using static ChainGraph.Server.Apis.AnalysisResults;

namespace ChainGraph.Server.Apis;

/// <summary>The analyses, with the same results as <c>chaingraph analyze</c>; add format=csv for the ranked table.</summary>
public static class AnalysesApi
{
    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analyses").WithTags("Analyses").RequireAuthorization(Policies.Reader);
        api.MapGet("/gaps", Gaps).WithSummary("Chain gaps for a region: each segment's status and ranked candidates (招商 list); format=csv for the table.")
            .Produces<ChainGapReport>();
        api.MapGet("/chokepoints", Chokepoints).WithSummary("Ranked chokepoints with reasons, and the articulation points; format=csv for the table.")
            .Produces<ChokepointReport>();
        api.MapGet("/compare", Compare).WithSummary("One chain in several regions (regions=江苏,浙江,广东): per segment and region status, makers, capacity share, innovation carriers; a score per region.")
            .Produces<RegionComparisonReport>();
        api.MapGet("/rank", Rank).WithSummary("Every province, city or county (level) scored by the chain's completeness, best first, with its missing segments and why.")
            .Produces<RegionRankingReport>();
        api.MapGet("/disruption", Disruption).WithSummary("What removing enterprises, products or a region cuts off downstream.");
        return app;
    }

    static async Task<IResult> Gaps(GraphService graph, AnswerJson answers, HttpContext http, string chain, string region, CancellationToken cancellationToken,
        int weakBelow = 2, int strongAt = 5, int candidates = 10, string? format = null, bool includeServices = false, string? tag = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new GapsRequest(chain, region,
            ChainGapOptions.Default with { WeakBelow = weakBelow, StrongAt = strongAt, Candidates = candidates, Tags = TagSet.Parse(tag) },
            ChainOptions.Default with { IncludeServices = includeServices });
        return format == "csv"
            ? Csv("gaps.csv", ReportTables.Gaps((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<IResult> Chokepoints(GraphService graph, AnswerJson answers, HttpContext http, CancellationToken cancellationToken,
        string? chain = null, int top = 50, ChokepointScope scope = ChokepointScope.Strategic, string? format = null, string? tag = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new ChokepointsRequest(chain, ChokepointOptions.Default with { Top = top, Scope = scope, Tags = TagSet.Parse(tag) });
        return format == "csv"
            ? Csv("chokepoints.csv", ReportTables.Chokepoints((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<IResult> Compare(GraphService graph, AnswerJson answers, HttpContext http, string chain, string regions,
        CancellationToken cancellationToken, string? tag = null, string? format = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new CompareRequest(chain, regions, CompletenessOptions.Default.WithTags(TagSet.Parse(tag)));
        return format == "csv"
            ? Csv("compare.csv", ReportTables.Compare((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<IResult> Rank(GraphService graph, AnswerJson answers, HttpContext http, string chain, CancellationToken cancellationToken,
        string level = "city", int top = 20, string? tag = null, string? format = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new RankRequest(chain, level, top, CompletenessOptions.Default.WithTags(TagSet.Parse(tag)));
        return format == "csv"
            ? Csv("rank.csv", ReportTables.Rank((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<Ok<DisruptionView>> Disruption(GraphService graph, HttpContext http, CancellationToken cancellationToken, string? remove = null,
        string? region = null, string? chain = null)
    {
        var answer = await graph.RunAsync(new DisruptionRequest(remove, region, chain), cancellationToken);
        return TypedResults.Ok(DisruptionView.Of(answer.Snapshot, answer.For(http)));
    }
}
