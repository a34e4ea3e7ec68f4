using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.FourChains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Industry × innovation × capital coverage of a chain in a region (<c>analyze four-chains</c>, <c>GET /api/analyses/four-chains</c>).</summary>
public sealed record FourChainsRequest(string Chain, string Region) : IQuery<FourChainsReport>
{
    public void Validate() => new ParameterCheck().Required("chain", Chain).Required("region", Region).ThrowIfInvalid();

    public FourChainsReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        FourChainsAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, Chain), RegionFilter.Resolve(snapshot, Region));
}
