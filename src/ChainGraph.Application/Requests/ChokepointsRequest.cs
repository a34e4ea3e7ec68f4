using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>The ranked chokepoints, optionally of one chain (<c>analyze chokepoints</c>, <c>GET /api/analyses/chokepoints</c>).</summary>
public sealed record ChokepointsRequest(string? Chain, ChokepointOptions Options) : IQuery<ChokepointReport>
{
    public const int MaxTop = 1000;

    public void Validate() => new ParameterCheck()
        .Range("top", Options.Top, 1, MaxTop)
        .Above("concentratedHhi", Options.ConcentratedHhi, 0, 1)
        .ThrowIfInvalid();

    public ChokepointReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        ChokepointAnalysis.Run(snapshot, Chain is null ? null : ChainSegments.Resolve(snapshot, Chain), Options);
}
