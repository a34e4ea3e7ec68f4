using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Innovation carriers for the flagged chokepoints, and those no carrier addresses per region (<c>analyze carriers</c>, <c>GET /api/analyses/carriers</c>).</summary>
/// <param name="Top">How many items of the chokepoint ranking to consider (its flagged products are the chokepoints).</param>
public sealed record CarriersRequest(string? Chain = null, string? Region = null, int Top = 50, ChokepointScope Scope = ChokepointScope.Strategic)
    : IQuery<CarrierReport>
{
    public void Validate() => new ParameterCheck().Range("top", Top, 1, ChokepointsRequest.MaxTop).ThrowIfInvalid();

    public CarrierReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        CarrierAnalysis.Run(snapshot, Chain is null ? null : ChainSegments.Resolve(snapshot, Chain), Region is null ? null : RegionFilter.Resolve(snapshot, Region),
            ChokepointOptions.Default with { Top = Top, Scope = Scope });
}
