using System.Text.Json.Serialization;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.ChainGaps;

[JsonConverter(typeof(JsonStringEnumConverter<GapStatus>))]
public enum GapStatus
{
    [JsonStringEnumMemberName("missing")] Missing,
    [JsonStringEnumMemberName("weak")] Weak,
    [JsonStringEnumMemberName("present")] Present,
    [JsonStringEnumMemberName("strong")] Strong,
}

/// <summary>The gap report of one chain for one region, segments upstream first.</summary>
public sealed record ChainGapReport(string ChainId, string ChainName, string Region, IReadOnlyList<SegmentGap> Segments)
{
    /// <summary>How the chain was derived from the industry classification when no template covers it; null for a template.</summary>
    public DerivedChain? Derived { get; init; }

    public DataCoverage? Coverage { get; init; }
}

/// <summary>One segment: local vs national makers, status, local innovation centres, and candidates when missing or weak.</summary>
public sealed record SegmentGap(
    string Id, string Name, string Stage, int Order, GapStatus Status, int Local, int National,
    IReadOnlyList<string> LocalMakers, IReadOnlyList<string> InnovationCentres, IReadOnlyList<GapCandidate> Candidates)
{
    /// <summary>What the status was measured by: volume (MAKES volumes), capacity (the makers' own), or makers (counted evenly).</summary>
    public string Basis { get; init; } = "makers";

    /// <summary>The region's share of the segment's volume or capacity; null when measured by makers.</summary>
    public double? LocalShare { get; init; }
}

/// <summary>An enterprise outside the region that could fill a gap, its score (0..1) and why.</summary>
public sealed record GapCandidate(string Id, string Name, string? Province, string? City, string? Country, double Score, Reason Why)
{
    /// <summary>True when its place is not known precisely enough to tell it is outside the region; such candidates come last.</summary>
    public bool PlaceUnknown { get; init; }

    /// <summary>Its tags (链主, 专精特新, 上市 …), for a 招商 team to read beside the score they weigh in.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
