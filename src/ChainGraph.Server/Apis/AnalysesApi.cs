using System.Text.Json;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Reports;
using ChainGraph.Application.Requests;
using ChainGraph.Formats.Csv;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChainGraph.Server.Apis;

/// <summary>The analyses, with the same results as <c>chaingraph analyze</c>; add format=csv for the ranked table.</summary>
public static class AnalysesApi
{
    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analyses").WithTags("Analyses").RequireAuthorization(Policies.Reader);
        api.MapGet("/gaps", Gaps).WithSummary("Chain gaps for a region: each segment's status and ranked candidates (招商 list).");
        api.MapGet("/chokepoints", Chokepoints).WithSummary("Ranked chokepoints with reasons, and the articulation points.");
        api.MapGet("/disruption", Disruption).WithSummary("What removing enterprises, products or a region cuts off downstream.");
        return app;
    }

    static async Task<IResult> Gaps(GraphService graph, IOptions<JsonOptions> json, string chain, string region, CancellationToken cancellationToken,
        int weakBelow = 2, int strongAt = 5, int candidates = 10, string? format = null, bool includeServices = false)
    {
        var request = new GapsRequest(chain, region, ChainGapOptions.Default with { WeakBelow = weakBelow, StrongAt = strongAt, Candidates = candidates });
        request.Validate();
        var chainOptions = ChainOptions.Default with { IncludeServices = includeServices };
        var key = $"{chain}|{region}|{request.Options}|{chainOptions}";
        var report = await graph.CachedAsync(key, s => ChainGapAnalysis.Run(s, ChainSegments.Resolve(s, chain, chainOptions), RegionFilter.Parse(region), request.Options),
            cancellationToken);
        return format == "csv" ? Csv("gaps.csv", ReportTables.Gaps(report)) : await JsonAsync(graph, json, key, report, cancellationToken);
    }

    static async Task<IResult> Chokepoints(GraphService graph, IOptions<JsonOptions> json, CancellationToken cancellationToken,
        string? chain = null, int top = 50, ChokepointScope scope = ChokepointScope.Strategic, string? format = null)
    {
        var request = new ChokepointsRequest(chain, ChokepointOptions.Default with { Top = top, Scope = scope });
        request.Validate();
        var key = $"{chain}|{request.Options}";
        var report = await graph.CachedAsync(key, s => ChokepointAnalysis.Run(s, chain is null ? null : ChainSegments.Resolve(s, chain), request.Options), cancellationToken);
        return format == "csv" ? Csv("chokepoints.csv", ReportTables.Chokepoints(report)) : await JsonAsync(graph, json, key, report, cancellationToken);
    }

    static async Task<IResult> Disruption(GraphService graph, CancellationToken cancellationToken, string? remove = null, string? region = null, string? chain = null)
    {
        var request = new DisruptionRequest(remove, region, chain);
        request.Validate();
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        var removed = request.RemovedNodes(snapshot);
        var chains = chain is not null ? [ChainSegments.Resolve(snapshot, chain)] : ChainSegments.Templates(snapshot);
        var report = DisruptionAnalysis.Run(snapshot, removed, region is null ? null : RegionFilter.Parse(region), chains);
        return TypedResults.Ok(DisruptionView.Of(snapshot, report));
    }

    /// <summary>The report as JSON, serialised once per snapshot: repeated requests cost a lookup, not a serialisation.</summary>
    static async Task<IResult> JsonAsync<T>(GraphService graph, IOptions<JsonOptions> json, string key, T report, CancellationToken cancellationToken)
    {
        var bytes = await graph.CachedAsync(key + "|json", _ => JsonSerializer.SerializeToUtf8Bytes(report, json.Value.SerializerOptions), cancellationToken);
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    static IResult Csv(string name, Table table) => TypedResults.File(CsvText.Table(table.Header, table.Rows), "text/csv; charset=utf-8", name);

}
