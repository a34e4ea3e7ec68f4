using System.Globalization;
using ChainGraph.Model;
using ChainGraph.Model.Requests;

namespace ChainGraph.Analysis.ChainGaps;

/// <summary>Thresholds and weights of the chain-gap analysis; every one is documented and may be changed.</summary>
public sealed record ChainGapOptions
{
    /// <summary>A segment with fewer local makers than this (but at least one) is weak.</summary>
    /// <value>2</value>
    public int WeakBelow { get; init; } = 2;

    /// <summary>A segment with at least this many local makers is strong.</summary>
    /// <value>5</value>
    public int StrongAt { get; init; } = 5;

    /// <summary>Where the segment's supply is measured by volume or capacity: a local share below this is weak.</summary>
    /// <value>0.05</value>
    public double WeakShare { get; init; } = 0.05;

    /// <summary>A segment whose local makers hold at least this share of its supply (volume, capacity, or else makers) is strong too.</summary>
    /// <value>0.25</value>
    public double StrongShare { get; init; } = 0.25;

    /// <summary>Candidates listed per missing or weak segment.</summary>
    /// <value>10</value>
    public int Candidates { get; init; } = 10;

    /// <summary>Weight of capacity: the candidate's share of the segment's volume, or of its products when volumes are unknown.</summary>
    /// <value>0.30</value>
    public double CapacityWeight { get; init; } = 0.30;

    /// <summary>Weight of tags: 链主 1, 单项冠军 0.8, 专精特新 0.6, 独角兽 0.5, 上市 0.2 (the best one counts).</summary>
    /// <value>0.25</value>
    public double TagWeight { get; init; } = 0.25;

    /// <summary>Weight of existing SUPPLIES links with the region's enterprises, either way (3 or more count fully).</summary>
    /// <value>0.25</value>
    public double LinkWeight { get; init; } = 0.25;

    /// <summary>Weight of concentration relief: how much the segment's HHI would fall if the candidate doubled its volume by a plant in the region.</summary>
    /// <value>0.10</value>
    public double ReliefWeight { get; init; } = 0.10;

    /// <summary>Weight of proximity: the candidate is in the same province as the city asked about.</summary>
    /// <value>0.10</value>
    public double ProximityWeight { get; init; } = 0.10;

    /// <summary>
    /// Only enterprises with one of these tags count: as a region's makers (and so for each segment's
    /// status) and as candidates. The segment's makers nationwide, and its supply, stay every maker's.
    /// </summary>
    /// <value><see cref="TagSet.None"/>: every enterprise</value>
    public TagSet Tags { get; init; } = TagSet.None;

    public static ChainGapOptions Default { get; } = new();

    /// <summary>Adds every invalid setting to <paramref name="check"/>, under the names the API gives them.</summary>
    public ParameterCheck Check(ParameterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check
            .Range("weakBelow", WeakBelow, 1, MaxMakers)
            .That(StrongAt >= WeakBelow, "strongAt", StrongAt.ToString(CultureInfo.InvariantCulture), $"must be at least the weak threshold ({WeakBelow}). Got: {StrongAt}")
            .Range("strongAt", StrongAt, 1, MaxMakers)
            .Above("strongShare", StrongShare, 0, 1)
            .Range("weakShare", WeakShare, 0, 1)
            .Range("candidates", Candidates, 0, MaxCandidates)
            .That(new[] { CapacityWeight, TagWeight, LinkWeight, ReliefWeight, ProximityWeight }.All(w => double.IsFinite(w) && w >= 0), "weights", null, "must be finite and not negative.");
    }

    /// <summary>The most candidates one segment lists.</summary>
    public const int MaxCandidates = 100;

    const int MaxMakers = 100_000;
}
