namespace ChainGraph.Analysis.Chains;

/// <summary>
/// How well a chain is attached to the data: per segment how many makers it holds and by which
/// rule they came. <paramref name="Covered"/> counts the segments with at least one maker.
/// </summary>
public sealed record ChainCoverageReport(
    string ChainId, string ChainName, string? Sector, DerivedChain? Derived, int Covered, int Makers, IReadOnlyList<SegmentCoverage> Segments);

/// <summary>
/// One segment: its products and makers, the makers per rule kind (<see cref="Rule.Kinds"/>; a
/// maker counts once, under its strongest rule), each rule with what it attached, and every maker
/// with the rule that put it there.
/// </summary>
public sealed record SegmentCoverage(
    string Id, string Name, string Stage, int Order, int Products, int Makers,
    IReadOnlyDictionary<string, int> ByKind, IReadOnlyList<RuleCoverage> Rules, IReadOnlyList<AttachedMaker> Attached);

/// <summary>A rule and what it attached: products, and makers for which it is the strongest rule.</summary>
public sealed record RuleCoverage(string Rule, int Products, int Makers);

public sealed record AttachedMaker(string Id, string Name, string Rule);
