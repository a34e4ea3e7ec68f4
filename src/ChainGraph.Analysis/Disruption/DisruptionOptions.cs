namespace ChainGraph.Analysis.Disruption;

/// <summary>What the share-weighted part of a disruption report lists.</summary>
public sealed record DisruptionOptions
{
    /// <summary>An enterprise still standing is listed as exposed when it loses at least this share of its inputs (0..1).</summary>
    /// <value>0.5</value>
    public double InputLossThreshold { get; init; } = 0.5;

    public static DisruptionOptions Default { get; } = new();
}
