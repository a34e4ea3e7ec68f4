using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>Industry × innovation × capital coverage of a chain in a region (<c>analyze four-chains</c>, <c>GET /api/analyses/four-chains</c>).</summary>
public sealed record FourChainsRequest(string Chain, string Region)
{
    public void Validate() => new ParameterCheck().Required("chain", Chain).Required("region", Region).ThrowIfInvalid();
}
