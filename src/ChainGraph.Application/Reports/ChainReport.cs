using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Reports;

/// <summary>
/// The 招商 package of one chain for one region, as data: the chain map (segments and FEEDS), each
/// segment's status, the ranked 招商 candidates with reasons, the key local enterprises, the local
/// innovation carriers, and the chain's chokepoints with their alternatives. Composed from the
/// gaps, compare/rank, chokepoints, alternatives and carriers analyses; rendered as xlsx or html.
/// </summary>
/// <param name="Score">The region's completeness score for the chain (0–100), as <c>analyze compare</c> gives it.</param>
/// <param name="Rank">The region's place among the regions of its level, as <c>analyze rank</c> gives it; null for a region of no level (a country or cluster).</param>
/// <param name="Coverage">What the data covers, one line.</param>
public sealed record ChainReport(
    string ChainId, string ChainName, string Region, double Score, ReportRank? Rank, string Coverage, Phrase? Derived,
    IReadOnlyList<ReportSegment> Segments, IReadOnlyList<ReportFeed> Feeds, IReadOnlyList<ReportCandidate> Candidates,
    IReadOnlyList<LocalEnterprise> Enterprises, IReadOnlyList<LocalCarrier> Carriers, IReadOnlyList<ReportChokepoint> UnaddressedLocally,
    IReadOnlyList<ReportChokepoint> Chokepoints)
{
    /// <summary>
    /// True when <see cref="Chokepoints"/> are the ranking's flagged items (one maker, concentrated,
    /// abroad or in one province); false when the chain has none flagged and they are its top-ranked inputs.
    /// </summary>
    public bool Flagged { get; init; } = true;

    /// <summary>The region's administrative code (320400 for 常州) when it has one.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The report's title: 锂电池 · 常州 产业链招商报告.</summary>
    public string Title => $"{ChainName} · {Region} 产业链招商报告";
}

/// <summary>The region's rank among the <paramref name="Of"/> regions of its <paramref name="Level"/> (province, city or county).</summary>
public sealed record ReportRank(int Rank, int Of, string Level);

/// <summary>A segment's place on the map and its status in the region.</summary>
public sealed record ReportSegment(string Id, string Name, string Stage, int Order, GapStatus Status, int Local, int National, double? LocalShare,
    IReadOnlyList<string> LocalMakers, IReadOnlyList<string> InnovationCentres, int Candidates);

/// <summary>A FEEDS link between two of the chain's segments (ids).</summary>
public sealed record ReportFeed(string From, string To);

/// <summary>One 招商 target: the segment it would fill (missing or weak), its rank there, and the gap analysis's score and reason.</summary>
public sealed record ReportCandidate(string SegmentId, string SegmentName, GapStatus SegmentStatus, int Rank, string Id, string Name, string? Province,
    string? City, IReadOnlyList<string> Tags, double Score, Reason Why);

/// <summary>An enterprise of the region making the chain's products: its tags and the segments it takes part in.</summary>
public sealed record LocalEnterprise(string Id, string Name, string? City, IReadOnlyList<string> Tags, IReadOnlyList<string> Segments, double Capacity);

/// <summary>An innovation carrier of the region: the segments it supports and the chokepoints it could address.</summary>
public sealed record LocalCarrier(string Id, string Name, string? City, IReadOnlyList<string> Segments, IReadOnlyList<string> Chokepoints);

/// <summary>
/// A chokepoint of the chain: the chokepoint ranking's figures and reason, and, for the top ones, the
/// alternatives analysis: other makers, substitutes and the 国产替代 candidates.
/// </summary>
public sealed record ReportChokepoint(int Rank, string Id, string Name, int Suppliers, double Hhi, double? ForeignShare, double Score, Reason Why,
    Phrase? Status, IReadOnlyList<string> Makers, IReadOnlyList<string> Substitutes, IReadOnlyList<string> DomesticCandidates)
{
    /// <summary>How many carriers elsewhere address it, for a chokepoint no local carrier addresses.</summary>
    public int? CarriersElsewhere { get; init; }
}
