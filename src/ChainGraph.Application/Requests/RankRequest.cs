using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Every region of a level ranked by a chain's completeness (<c>analyze rank</c>, <c>GET /api/analyses/rank</c>).</summary>
public sealed record RankRequest(string Chain, RegionLevel Level, int Top, CompletenessOptions Options) : IQuery<RegionRankingReport>
{
    /// <summary>Every county-level division of the gazetteer (about 3,000, development zones included) fits.</summary>
    public const int MaxTop = 5000;

    public void Validate() => Options.Check(new ParameterCheck()
        .Required("chain", Chain)
        .That(Enum.IsDefined(Level), "level", Level.ToString(), "must be province, city or county.")
        .Range("top", Top, 1, MaxTop))
        .ThrowIfInvalid();

    public RegionRankingReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        RegionRanking.Run(snapshot, ChainSegments.Resolve(snapshot, Chain), Level, Top, Options, cancellationToken);
}
