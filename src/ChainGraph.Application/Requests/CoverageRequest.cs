using ChainGraph.Analysis.Chains;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>How a chain's segments are attached to the data (<c>analyze coverage</c>, <c>GET /api/chains/{id}/coverage</c>).</summary>
public sealed record CoverageRequest(string Chain, ChainOptions Options) : IQuery<ChainCoverageReport>
{
    public void Validate() => Options.Check(new ParameterCheck().Required("chain", Chain)).ThrowIfInvalid();

    public ChainCoverageReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        ChainCoverage.Run(snapshot, ChainSegments.Resolve(snapshot, Chain, Options));
}
