using System.Text.Json;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Application;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Apis;
using ChainGraph.Server.Graph;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Views;

/// <summary>
/// The analysis behind each view, asked of <see cref="GraphService"/> as the REST endpoint asks it (the same query, so
/// the same cache entry) and serialised with the API's JSON options in both languages, so a view's report is the
/// endpoint's JSON with lang=zh and with lang=en.
/// </summary>
public sealed class ViewAnalyses(GraphService graph, AnswerJson json)
{

    /// <summary>The view's analysis on the current snapshot, with the typed result its graph is drawn from; null for a kind that carries none.</summary>
    public Task<ViewAnswer?> RunAsync(ViewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tags = TagSet.Parse(request.Tag);
        return request.Kind switch
        {
            "chain" when request.Region is { Length: > 0 } region => RunAsync("gaps", new GapsRequest(request.Chain!, region,
                Thresholds(request) with { Candidates = request.Candidates, Tags = tags }, ChainOptions.Default), cancellationToken),
            "chokepoints" => RunAsync("chokepoints", new ChokepointsRequest(request.Chain, ChokepointOptions.Default with { Top = request.Top }), cancellationToken),
            "centrality" => RunAsync("centrality", new CentralityRequest(request.Top), cancellationToken),
            "compare" => RunAsync("compare", new CompareRequest(request.Chain!, request.Regions!, Completeness(request, tags)), cancellationToken),
            "rank" => RunAsync("rank", new RankRequest(request.Chain!, request.Level ?? "city", request.Top, Completeness(request, tags)), cancellationToken),
            // A product's alternatives, or those of the top chokepoints (of the chain, when one is picked).
            "alternatives" => RunAsync("alternatives", new AlternativesRequest(request.Focus, request.Focus is null ? request.Chain : null,
                request.Top, Tags: tags), cancellationToken),
            "profile" => ProfileAsync(request.Focus!, cancellationToken),
            _ => Task.FromResult<ViewAnswer?>(null),
        };
    }

    static ChainGapOptions Thresholds(ViewRequest request) => ChainGapOptions.Default with { WeakBelow = request.WeakBelow, StrongAt = request.StrongAt };

    /// <summary>The gap thresholds and tags of the view; REST's compare and rank take only the tags, so they agree at the default thresholds.</summary>
    static CompletenessOptions Completeness(ViewRequest request, TagSet tags) =>
        CompletenessOptions.Default with { Gaps = Thresholds(request) with { Tags = tags } };

    async Task<ViewAnswer?> RunAsync<T>(string kind, IQuery<T> query, CancellationToken cancellationToken) where T : class
    {
        while (true)
        {
            var chinese = await graph.RunJsonAsync(query, json.For(Language.Zh), cancellationToken);
            var english = await graph.RunJsonAsync(query, json.For(Language.En), cancellationToken);
            var answer = await graph.RunAsync(query, cancellationToken);
            // A write landed between them: ask again, so the graph and the reports tell of one version.
            if (answer.Version == chinese.Version && answer.Version == english.Version)
                return new ViewAnswer(new ViewAnalysis(kind, new RawJson(chinese.Result)) { English = new RawJson(english.Result) }, answer.Result, answer.Snapshot, answer.Version);
        }
    }

    /// <summary>As <c>GET /api/enterprises/{id}/profile</c> answers: the analysis with what only the store keeps.</summary>
    async Task<ViewAnswer?> ProfileAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await graph.RunAsync(new ProfileRequest(id), cancellationToken);
        var profile = ProfileRequest.WithStored(answer.Result, await graph.Store.GetNodeAsync(id, cancellationToken));
        var analysis = new ViewAnalysis("profile", new RawJson(JsonSerializer.SerializeToUtf8Bytes(profile, json.For(Language.Zh))))
        {
            English = new RawJson(JsonSerializer.SerializeToUtf8Bytes(profile, json.For(Language.En))),
        };
        return new ViewAnswer(analysis, profile, answer.Snapshot, answer.Version);
    }
}

/// <summary>A view's analysis, the typed result it was serialised from, and the snapshot (and its version) it was computed on.</summary>
public sealed record ViewAnswer(ViewAnalysis Analysis, object Result, GraphSnapshot Snapshot, long Version);
