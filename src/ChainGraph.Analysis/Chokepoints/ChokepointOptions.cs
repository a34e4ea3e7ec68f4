using ChainGraph.Model;

namespace ChainGraph.Analysis.Chokepoints;

/// <summary>Which inputs the chokepoint ranking covers when no chain is named.</summary>
public enum ChokepointScope
{
    /// <summary>The strategic emerging industries: their enterprises' products, the templates' segments, and the direct inputs of both.</summary>
    Strategic,

    /// <summary>Every product and enterprise (report lines that are not products excepted).</summary>
    All,
}

/// <summary>
/// Flags and weights of the combined chokepoint score; every one is documented and may be changed.
/// What depends on an input (dependence and reach: 0.65 together) weighs more than how many makers
/// the data happens to list (0.15): in data of listed companies only, most products have one known maker.
/// </summary>
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

    /// <summary>Weight of dependence: log(1 + products that need it) / log(1 + the most any input has).</summary>
    /// <value>0.40</value>
    public double DependenceWeight { get; init; } = 0.40;

    /// <summary>Weight of reach: the enterprises making those products and the chains they are in (half each, normalised).</summary>
    /// <value>0.25</value>
    public double ReachWeight { get; init; } = 0.25;

    /// <summary>Weight of concentration: the HHI of its known makers (1 for a single known maker).</summary>
    /// <value>0.15</value>
    public double ConcentrationWeight { get; init; } = 0.15;

    /// <summary>Weight of the share of supply made abroad (0 where the data cannot tell).</summary>
    /// <value>0.15</value>
    public double ForeignWeight { get; init; } = 0.15;

    /// <summary>Weight of being an articulation point of the supply network.</summary>
    /// <value>0.05</value>
    public double ArticulationWeight { get; init; } = 0.05;

    /// <summary>How many items the report lists, highest score first.</summary>
    /// <value>50</value>
    public int Top { get; init; } = 50;

    /// <summary>
    /// Only the chokepoints enterprises with one of these tags hold: a tagged enterprise, or a product one of whose
    /// known makers is tagged (<see cref="Scope.TaggedHolders"/>). Scores are those of the whole ranking.
    /// </summary>
    /// <value><see cref="TagSet.None"/>: every chokepoint.</value>
    public TagSet Tags { get; init; } = TagSet.None;

    /// <summary>What the ranking covers when no chain is named.</summary>
    /// <value><see cref="ChokepointScope.Strategic"/></value>
    public ChokepointScope Scope { get; init; } = ChokepointScope.Strategic;

    public static ChokepointOptions Default { get; } = new();
}
