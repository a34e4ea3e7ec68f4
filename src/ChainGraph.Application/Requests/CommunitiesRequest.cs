using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Communities;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Louvain communities (<c>analyze communities</c>, <c>GET /api/analyses/communities</c>, the hub's colouring).</summary>
/// <param name="Scope">What the network holds: the strategic emerging industries (the chokepoint ranking's default) or everything.</param>
public sealed record CommunitiesRequest(int Top = 20, int Seed = 42, double Resolution = 1.0, ChokepointScope Scope = ChokepointScope.Strategic)
    : IQuery<CommunityReport>
{
    public const int MaxTop = 200;

    /// <summary>Far beyond any useful resolution; past it every node is a community of its own.</summary>
    public const double MaxResolution = 100;

    public void Validate() => new ParameterCheck()
        .Range("top", Top, 1, MaxTop)
        .Above("resolution", Resolution, 0, MaxResolution)
        .ThrowIfInvalid();

    public CommunityReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        CommunityAnalysis.Run(snapshot, Top, Seed, Resolution, cancellationToken, Scope);
}
