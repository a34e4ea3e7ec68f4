namespace ChainGraph.Analysis.Chokepoints;

/// <summary>Ranked chokepoints, every articulation point (ids), and the sizes behind them.</summary>
public sealed record ChokepointReport(
    IReadOnlyList<ChokepointItem> Items,
    IReadOnlyList<string> ArticulationPoints,
    int Bridges,
    int ReachableProducts);

/// <summary>
/// One product or enterprise: its makers (suppliers), HHI, share of supply made abroad, how many
/// products it dominates, whether it is an articulation point, the combined score (0..1) and why.
/// </summary>
public sealed record ChokepointItem(
    string Id, string Name, string Label, int Suppliers, double Hhi, double ForeignShare, int Dominates,
    bool Articulation, double Score, string Why);
