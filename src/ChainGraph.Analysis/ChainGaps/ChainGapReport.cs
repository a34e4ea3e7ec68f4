using System.Text.Json.Serialization;

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
public sealed record ChainGapReport(string ChainId, string ChainName, string Region, IReadOnlyList<SegmentGap> Segments);

/// <summary>One segment: local vs national makers, status, local innovation centres, and candidates when missing or weak.</summary>
public sealed record SegmentGap(
    string Id, string Name, string Stage, int Order, GapStatus Status, int Local, int National,
    IReadOnlyList<string> LocalMakers, IReadOnlyList<string> InnovationCentres, IReadOnlyList<GapCandidate> Candidates);

/// <summary>An enterprise outside the region that could fill a gap, its score (0..1) and why.</summary>
public sealed record GapCandidate(string Id, string Name, string? Province, string? City, string? Country, double Score, string Why);
