using ChainGraph.Analysis.ChainGaps;

namespace ChainGraph.Analysis.Ranking;

/// <summary>
/// Chain completeness of a region, 0 to 100: score = 100 · Σ wₛ·v(statusₛ) / Σ wₛ over the chain's
/// segments s, where v is 0 for missing, 0.33 weak, 0.67 present and 1 strong, and the weight
/// wₛ = stage weight (upstream 1.2, midstream 1.0, downstream 0.8) × (1 + HHIₛ), HHIₛ being the
/// concentration of the segment's national supply (the gap analysis's basis: volume, capacity or
/// makers counted evenly). A segment few enterprises make is critical: harder to attract, so holding
/// it counts up to twice as much. Every default is in <see cref="CompletenessOptions"/>.
/// </summary>
public static class CompletenessScore
{
    /// <summary>The weight of a segment of <paramref name="stage"/> whose national supply has concentration <paramref name="hhi"/>.</summary>
    public static double Weight(string stage, double hhi, CompletenessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byStage = stage switch
        {
            "upstream" => options.UpstreamWeight,
            "downstream" => options.DownstreamWeight,
            _ => options.MidstreamWeight,
        };
        return byStage * (1 + hhi);
    }

    public static double Value(GapStatus status, CompletenessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return status switch
        {
            GapStatus.Strong => 1,
            GapStatus.Present => options.PresentValue,
            GapStatus.Weak => options.WeakValue,
            _ => 0,
        };
    }

    /// <summary>The score of segments with these statuses and weights, rounded to 0.1.</summary>
    public static double Of(IReadOnlyList<GapStatus> statuses, IReadOnlyList<double> weights, CompletenessOptions options)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(weights);
        double held = 0, total = 0;
        for (var s = 0; s < statuses.Count; s++)
        {
            held += weights[s] * Value(statuses[s], options);
            total += weights[s];
        }
        return total > 0 ? Math.Round(100 * held / total, 1) : 0;
    }
}
