using ChainGraph.Analysis.Chains;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>How a chain's segments are attached to the data (<c>analyze coverage</c>, <c>GET /api/chains/{id}/coverage</c>).</summary>
public sealed record CoverageRequest(string Chain, ChainOptions Options)
{
    public void Validate() => Options.Check(new ParameterCheck().Required("chain", Chain)).ThrowIfInvalid();
}
