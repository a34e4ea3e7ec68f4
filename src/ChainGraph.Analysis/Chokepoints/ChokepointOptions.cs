namespace ChainGraph.Analysis.Chokepoints;

/// <summary>Flags and weights of the combined chokepoint score; every one is documented and may be changed.</summary>
public sealed record ChokepointOptions
{
    /// <summary>HHI above which supply counts as concentrated (the EC's 2021 strategic-dependency screen).</summary>
    /// <value>0.4</value>
    public double ConcentratedHhi { get; init; } = 0.4;

    /// <summary>Share of supply made abroad from which an input is flagged foreign-dependent.</summary>
    /// <value>0.5</value>
    public double ForeignShareFlag { get; init; } = 0.5;

    /// <summary>Share of supply in one province from which an input is flagged regionally concentrated.</summary>
    /// <value>0.8</value>
    public double TopProvinceFlag { get; init; } = 0.8;

    /// <summary>Weight of having exactly one maker (or, for an enterprise, of being some product's only maker).</summary>
    /// <value>0.30</value>
    public double SingleSourceWeight { get; init; } = 0.30;

    /// <summary>Weight of the HHI itself.</summary>
    /// <value>0.20</value>
    public double HhiWeight { get; init; } = 0.20;

    /// <summary>Weight of the share of supply made abroad.</summary>
    /// <value>0.20</value>
    public double ForeignWeight { get; init; } = 0.20;

    /// <summary>Weight of dominance: log(1 + dominated) / log(1 + the most any item dominates).</summary>
    /// <value>0.20</value>
    public double DominatorWeight { get; init; } = 0.20;

    /// <summary>Weight of being an articulation point of the supply network.</summary>
    /// <value>0.10</value>
    public double ArticulationWeight { get; init; } = 0.10;

    /// <summary>How many items the report lists, highest score first.</summary>
    /// <value>50</value>
    public int Top { get; init; } = 50;

    public static ChokepointOptions Default { get; } = new();
}
