using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>Chain gaps of a region (<c>analyze gaps</c>, <c>GET /api/analyses/gaps</c>, the hub's chain view with a region).</summary>
public sealed record GapsRequest(string Chain, string Region, ChainGapOptions Options)
{
    public void Validate() => Options.Check(new ParameterCheck().Required("chain", Chain).Required("region", Region)).ThrowIfInvalid();
}
