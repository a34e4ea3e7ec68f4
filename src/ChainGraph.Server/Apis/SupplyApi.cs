using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Countries;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using static ChainGraph.Server.Apis.AnalysisResults;

namespace ChainGraph.Server.Apis;

/// <summary>
/// The supply-side analyses, with the same results as <c>chaingraph analyze alternatives|supply-loss|countries|carriers</c>;
/// add format=csv for the table.
/// </summary>
public static class SupplyApi
{
    public static IEndpointRouteBuilder MapSupplyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analyses").WithTags("Supply").RequireAuthorization(Policies.Reader);
        api.MapGet("/alternatives", Alternatives)
            .WithSummary("Other makers (domestic first), substitutes and a 国产替代 list with evidence for an input, or for the top chokepoints; format=csv for the table.")
            .Produces<AlternativesReport>();
        api.MapGet("/supply-loss", SupplyLoss)
            .WithSummary("Share-weighted disruption: each product's share of supply cut (volume, capacity or makers), products partly affected, enterprises losing at least threshold of their inputs; format=csv for the table.")
            .Produces<DisruptionView>();
        api.MapGet("/countries", Countries)
            .WithSummary("Foreign dependence by country: each product's, segment's and chain's supply per country, and the countries each chain depends on most; format=csv for the table.")
            .Produces<CountryReport>();
        api.MapGet("/carriers", Carriers)
            .WithSummary("Innovation carriers (SUPPORTS, PARTNERS) for each flagged chokepoint, and per region the chokepoints no local carrier addresses; format=csv for the table.")
            .Produces<CarrierReport>();
        return app;
    }

    static async Task<IResult> Alternatives(GraphService graph, AnswerJson answers, HttpContext http, CancellationToken cancellationToken,
        string? product = null, string? chain = null, int top = 3, int limit = 20, string? format = null, string? tag = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new AlternativesRequest(product, chain, top, limit, TagSet.Parse(tag));
        return format == "csv"
            ? Csv("alternatives.csv", SupplyTables.Alternatives((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<IResult> SupplyLoss(GraphService graph, HttpContext http, CancellationToken cancellationToken, string? remove = null, string? region = null,
        string? chain = null, double threshold = 0.5, string? format = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var answer = await graph.RunAsync(new DisruptionRequest(remove, region, chain) { Threshold = threshold }, cancellationToken);
        var view = DisruptionView.Of(answer.Snapshot, answer.For(http));
        return format == "csv" ? Csv("supply-loss.csv", SupplyTables.SupplyLoss(view, language)) : TypedResults.Ok(view);
    }

    static async Task<IResult> Countries(GraphService graph, AnswerJson answers, HttpContext http, CancellationToken cancellationToken,
        string? product = null, string? chain = null, int top = 50, string? format = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new CountriesRequest(product, chain, top);
        return format == "csv"
            ? Csv("countries.csv", SupplyTables.Countries((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }

    static async Task<IResult> Carriers(GraphService graph, AnswerJson answers, HttpContext http, CancellationToken cancellationToken,
        string? chain = null, string? region = null, int top = 50, ChokepointScope scope = ChokepointScope.Strategic, string? format = null, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var request = new CarriersRequest(chain, region, top, scope);
        return format == "csv"
            ? Csv("carriers.csv", SupplyTables.Carriers((await graph.RunAsync(request, cancellationToken)).For(http), language))
            : Json((await graph.RunJsonAsync(request, answers.For(language), cancellationToken)).For(http));
    }
}
