using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Application.Reports;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>
/// The 招商 package of a chain for a region (<c>chaingraph report</c>, <c>GET /api/reports</c>): the gaps,
/// compare, rank, chokepoints, alternatives and carriers requests run on one snapshot, composed into a
/// <see cref="ChainReport"/>.
/// </summary>
/// <param name="Chokepoints">How many of the chain's chokepoints to list.</param>
/// <param name="Alternatives">For how many of the top chokepoints to list alternatives.</param>
public sealed record ReportRequest(string Chain, string Region, int Chokepoints = 20, int Alternatives = 5) : IQuery<ChainReport>
{
    public const int MaxChokepoints = 200;

    public void Validate() => new ParameterCheck()
        .Required("chain", Chain)
        .Required("region", Region)
        .Range("chokepoints", Chokepoints, 1, MaxChokepoints)
        .Range("alternatives", Alternatives, 0, AlternativesRequest.MaxTop)
        .ThrowIfInvalid();

    public ChainReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var gaps = new GapsRequest(Chain, Region, ChainGapOptions.Default).Run(snapshot, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var score = new CompareRequest(Chain, Region, CompletenessOptions.Default).Run(snapshot, cancellationToken).Regions[0].Score;
        var rank = Rank(snapshot, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var chokepoints = new ChokepointsRequest(Chain, ChokepointOptions.Default with { Top = Chokepoints }).Run(snapshot, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // The listed chokepoints' own alternatives: the chain's top-ranked products need not be the flagged ones.
        var alternatives = new AlternativesReport([.. ChainReportComposer.Listed(chokepoints).Where(i => i.Label == "Product").Take(Alternatives)
            .SelectMany(i => new AlternativesRequest(i.Id, Limit: 10).Run(snapshot, cancellationToken).Items)]);
        cancellationToken.ThrowIfCancellationRequested();
        var carriers = new CarriersRequest(Chain, Region, Chokepoints, ChokepointScope.Strategic).Run(snapshot, cancellationToken);
        return ChainReportComposer.Compose(snapshot, gaps, score, rank, chokepoints, alternatives, carriers) with { RegionCode = RegionFilter.Resolve(snapshot, Region).Code };
    }

    /// <summary>The region's place in <c>analyze rank</c> at its own level; null for a country or a cluster.</summary>
    ReportRank? Rank(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        var region = RegionFilter.Resolve(snapshot, Region);
        RegionLevel? level = region.Kind switch
        {
            RegionKind.Province => RegionLevel.Province,
            RegionKind.City => RegionLevel.City,
            RegionKind.County => RegionLevel.County,
            _ => null,
        };
        if (level is not { } l) return null;
        var ranking = new RankRequest(Chain, l.ToString(), RankRequest.MaxTop, CompletenessOptions.Default).Run(snapshot, cancellationToken);
        var found = ranking.Regions.FirstOrDefault(r => (region.Code is { } code && r.Code == code) || r.Name == region.Name);
        return found is null ? null : new ReportRank(found.Rank, ranking.Total, l.ToString().ToLowerInvariant());
    }
}
