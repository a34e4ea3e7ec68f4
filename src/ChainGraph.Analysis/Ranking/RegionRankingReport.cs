using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Ranking;

/// <summary>
/// Regions of one level ranked by a chain's completeness: the best <see cref="Regions"/>, of
/// <see cref="Total"/> regions at the level (<see cref="WithMakers"/> hold at least one maker), and
/// how many of the chain's <see cref="Makers"/> have no place at this level (<see cref="Unplaced"/>).
/// </summary>
public sealed record RegionRankingReport(string ChainId, string ChainName, string Level, IReadOnlyList<RankedRegion> Regions, int Total, int WithMakers,
    int Makers, int Unplaced, IReadOnlyList<SegmentWeight> Weights)
{
    public DerivedChain? Derived { get; init; }

    public DataCoverage? Coverage { get; init; }
}

/// <summary>One region's rank and score (0–100) with why: the segments held, weak and missing, and each segment's part of the score.</summary>
public sealed record RankedRegion(int Rank, string Id, string Code, string Name, string? Province, double Score, Reason Why, IReadOnlyList<string> Missing,
    IReadOnlyList<RegionSegmentStatus> Segments);

/// <summary>A segment's status in a region, its makers there and what it adds to the score's numerator (weight × status value).</summary>
public sealed record RegionSegmentStatus(string Id, string Name, GapStatus Status, int Local, double Points);

/// <summary>A segment's weight in the score: stage weight × (1 + HHI of its national supply), with its national makers.</summary>
public sealed record SegmentWeight(string Id, string Name, string Stage, int National, double Hhi, double Weight);
