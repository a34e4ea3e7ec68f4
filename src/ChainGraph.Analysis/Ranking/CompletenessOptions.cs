using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Requests;

namespace ChainGraph.Analysis.Ranking;

/// <summary>
/// How chain completeness is scored (<see cref="CompletenessScore"/>): the statuses of
/// <see cref="Gaps"/>, a value per status and a weight per segment's stage. Every one is documented and may be changed.
/// </summary>
public sealed record CompletenessOptions
{
    /// <summary>The thresholds that give each segment its status, as in the gap analysis (its candidates are not used).</summary>
    /// <value><see cref="ChainGapOptions.Default"/></value>
    public ChainGapOptions Gaps { get; init; } = ChainGapOptions.Default;

    /// <summary>These options with only enterprises of <paramref name="tags"/> holding a segment (<see cref="ChainGapOptions.Tags"/>).</summary>
    public CompletenessOptions WithTags(Model.TagSet tags) => this with { Gaps = Gaps with { Tags = tags } };

    /// <summary>What a weak segment is worth; missing is 0, present <see cref="PresentValue"/>, strong 1.</summary>
    /// <value>0.33</value>
    public double WeakValue { get; init; } = 0.33;

    /// <summary>What a present segment is worth.</summary>
    /// <value>0.67</value>
    public double PresentValue { get; init; } = 0.67;

    /// <summary>Weight of an upstream segment (materials, core parts, equipment: what 补链 is mostly about).</summary>
    /// <value>1.2</value>
    public double UpstreamWeight { get; init; } = 1.2;

    /// <summary>Weight of a midstream segment (manufacture, assembly).</summary>
    /// <value>1.0</value>
    public double MidstreamWeight { get; init; } = 1.0;

    /// <summary>Weight of a downstream segment (systems, applications, services: found in most regions).</summary>
    /// <value>0.8</value>
    public double DownstreamWeight { get; init; } = 0.8;

    public static CompletenessOptions Default { get; } = new();

    /// <summary>Adds every invalid setting to <paramref name="check"/>, under the names the API gives them.</summary>
    public ParameterCheck Check(ParameterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Gaps.Check(check)
            .Range("weakValue", WeakValue, 0, 1)
            .Range("presentValue", PresentValue, 0, 1)
            .That(new[] { UpstreamWeight, MidstreamWeight, DownstreamWeight }.All(w => double.IsFinite(w) && w > 0), "stageWeights", null, "must be finite and positive.");
    }
}
