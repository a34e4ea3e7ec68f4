using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>PageRank and sampled betweenness (<c>analyze centrality</c>, <c>GET /api/analyses/centrality</c>).</summary>
/// <param name="Scope">What the rankings list: the strategic emerging industries (the chokepoint ranking's default) or everything.</param>
/// <param name="Tags">Only what enterprises with one of these tags hold (<see cref="Analysis.Scope.TaggedHolders"/>); null for everything.</param>
public sealed record CentralityRequest(int Top = 20, int Samples = 500, string? Label = null, ChokepointScope Scope = ChokepointScope.Strategic, TagSet? Tags = null)
    : IQuery<CentralityReport>
{
    public const int MaxTop = 500;

    /// <summary>Each sample is one breadth-first search over the whole network; the error at this cap is about 2%.</summary>
    public const int MaxSamples = 2000;

    public void Validate() => new ParameterCheck()
        .Range("top", Top, 1, MaxTop)
        .Range("samples", Samples, 1, MaxSamples)
        .That(Label is null || GraphSchema.TryParseLabel(Label, out _), "label", Label, $"unknown label. Expected one of: {string.Join(", ", GraphSchema.Labels.Select(GraphSchema.Name))}.")
        .ThrowIfInvalid();

    public CentralityReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        CentralityAnalysis.Run(snapshot, Top, Samples, label: GraphSchema.ParseLabel(Label, "label"), cancellationToken: cancellationToken, scope: Scope, tags: Tags);
}
