using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Chokepoints;

/// <summary>Ranked chokepoints, every articulation point in scope (ids), the sizes behind them, and what the data covers.</summary>
public sealed record ChokepointReport(
    IReadOnlyList<ChokepointItem> Items,
    IReadOnlyList<string> ArticulationPoints,
    int Bridges,
    int ReachableProducts)
{
    /// <summary>strategic, all, or the chain named.</summary>
    public string Scope { get; init; } = "strategic";

    public DataCoverage? Coverage { get; init; }
}

/// <summary>
/// One product or enterprise: its known makers (suppliers), HHI, share of supply made abroad (null
/// where the data cannot tell), the products it dominates, the products that depend on it, the
/// enterprises making those and the chains they are in, whether it is an articulation point, the
/// combined score (0..1) and why. For an enterprise the supply figures describe the products only it makes.
/// </summary>
public sealed record ChokepointItem(
    string Id, string Name, string Label, int Suppliers, double Hhi, double? ForeignShare, int Dominates,
    bool Articulation, double Score, Reason Why)
{
    public int Dependents { get; init; }

    public int DownstreamEnterprises { get; init; }

    public int Chains { get; init; }

    /// <summary>
    /// Its supply is weak: one known maker, HHI above the concentration threshold, mostly made abroad
    /// or mostly in one province. A ranked, flagged product is what every analysis calls a chokepoint.
    /// </summary>
    public bool Flagged { get; init; }
}
