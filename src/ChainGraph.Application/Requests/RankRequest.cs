using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Every region of a level ranked by a chain's completeness (<c>analyze rank</c>, <c>GET /api/analyses/rank</c>).</summary>
/// <param name="Level">province, city or county (any case).</param>
public sealed record RankRequest(string Chain, string Level, int Top, CompletenessOptions Options) : IQuery<RegionRankingReport>
{
    /// <summary>Every county-level division of the gazetteer (about 3,000, development zones included) fits.</summary>
    public const int MaxTop = 5000;

    public void Validate() => Options.Check(new ParameterCheck()
        .Required("chain", Chain)
        .That(RegionLevel is not null, "level", Level, $"must be province, city or county. Got: {Level}")
        .Range("top", Top, 1, MaxTop))
        .ThrowIfInvalid();

    /// <summary>The level <see cref="Level"/> names; null when it names none.</summary>
    public RegionLevel? RegionLevel =>
        Enum.GetValues<Analysis.Regions.RegionLevel>().Cast<Analysis.Regions.RegionLevel?>()
            .FirstOrDefault(l => string.Equals(l.ToString(), Level?.Trim(), StringComparison.OrdinalIgnoreCase));

    public RegionRankingReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        RegionRanking.Run(snapshot, ChainSegments.Resolve(snapshot, Chain), RegionLevel!.Value, Top, Options, cancellationToken);
}
