using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Ranking;

/// <summary>
/// One chain in several regions side by side: per segment and region the gap analysis's status,
/// local makers, their share of the segment's supply and the local innovation carriers, and per
/// region its completeness score (<see cref="CompletenessScore"/>). One gap analysis per region: O(K·(V + S·M)).
/// </summary>
public static class RegionComparison
{
    public static RegionComparisonReport Run(GraphSnapshot snapshot, ResolvedChain chain, IReadOnlyList<RegionFilter> regions, CompletenessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfZero(regions.Count);
        options ??= CompletenessOptions.Default;
        var gaps = regions.Select(r => ChainGapAnalysis.Run(snapshot, chain, r, options.Gaps with { Candidates = 0 })).ToList();
        var weights = chain.Segments.Select(s => CompletenessScore.Weight(s.Stage, ChainGapAnalysis.SegmentSupply.Of(snapshot, s).Hhi, options)).ToArray();
        var segments = chain.Segments.Select((s, i) => new SegmentComparison(s.Id, s.Name, s.Stage, s.Makers.Length, gaps[0].Segments[i].Basis, Math.Round(weights[i], 4),
            [.. gaps.Select(g => g.Segments[i]).Select(g => new RegionSegment(g.Status, g.Local, g.LocalShare,
                g.National > 0 ? Math.Round((double)g.Local / g.National, 4) : 0, g.LocalMakers, g.InnovationCentres))])).ToList();
        var summaries = regions.Select((r, k) =>
        {
            var statuses = gaps[k].Segments.Select(g => g.Status).ToList();
            return new RegionSummary(r.Name, r.Kind.ToString().ToLowerInvariant(), r.Code, CompletenessScore.Of(statuses, weights, options),
                [.. gaps[k].Segments.Where(g => g.Status == GapStatus.Missing).Select(g => g.Name)],
                [.. gaps[k].Segments.Where(g => g.Status == GapStatus.Weak).Select(g => g.Name)]);
        }).ToList();
        return new RegionComparisonReport(chain.Id, chain.Name, summaries, segments) { Derived = chain.Derived, Coverage = SnapshotFacts.Of(snapshot).Coverage };
    }
}

/// <summary>A chain in several regions: one summary per region, and per segment one entry per region, in the order the regions were given.</summary>
public sealed record RegionComparisonReport(string ChainId, string ChainName, IReadOnlyList<RegionSummary> Regions, IReadOnlyList<SegmentComparison> Segments)
{
    public DerivedChain? Derived { get; init; }

    public DataCoverage? Coverage { get; init; }
}

/// <summary>A region's completeness score (0–100) for the chain and the segments it lacks or holds weakly.</summary>
public sealed record RegionSummary(string Name, string Kind, string? Code, double Score, IReadOnlyList<string> Missing, IReadOnlyList<string> Weak);

/// <summary>One segment across the regions; <see cref="Basis"/> is what shares are measured in (volume, capacity or makers).</summary>
public sealed record SegmentComparison(string Id, string Name, string Stage, int National, string Basis, double Weight, IReadOnlyList<RegionSegment> Regions);

/// <summary>
/// A segment in one region: status, local makers, their share of the segment's volume or capacity
/// (<see cref="CapacityShare"/>, null when measured by makers), their share of its makers, the makers' ids
/// and the local innovation carriers (centres that SUPPORT the segment or its products).
/// </summary>
public sealed record RegionSegment(GapStatus Status, int Makers, double? CapacityShare, double MakerShare, IReadOnlyList<string> LocalMakers,
    IReadOnlyList<string> InnovationCentres);
