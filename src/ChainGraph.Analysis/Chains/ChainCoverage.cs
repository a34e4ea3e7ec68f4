using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chains;

/// <summary>The coverage of a resolved chain: what its rules attached, segment by segment (see <see cref="ChainCoverageReport"/>).</summary>
public static class ChainCoverage
{
    public static ChainCoverageReport Run(GraphSnapshot snapshot, ResolvedChain chain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        var segments = chain.Segments.Select(s => Segment(snapshot, s)).ToList();
        var makers = chain.Segments.SelectMany(s => s.Makers).Distinct().Count();
        return new ChainCoverageReport(chain.Id, chain.Name, chain.Sector, chain.Derived, segments.Count(s => s.Makers > 0), makers, segments);
    }

    static SegmentCoverage Segment(GraphSnapshot snapshot, ChainSegment segment)
    {
        var makerRules = segment.MakerRules ?? [.. segment.Makers.Select(_ => Rule.Template)];
        var productRules = segment.ProductRules ?? [];
        var byKind = Rule.Kinds.ToDictionary(k => k, k => makerRules.Count(r => Rule.KindOf(r) == k));
        var rules = productRules.Concat(makerRules).Distinct()
            .Select(r => new RuleCoverage(r, productRules.Count(p => p == r), makerRules.Count(m => m == r)))
            .OrderByDescending(r => r.Makers).ThenBy(r => Rule.Rank(r.Rule)).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        var attached = segment.Makers.Select((m, i) => new AttachedMaker(snapshot.Ids[m], snapshot.Names[m], makerRules[i]))
            .OrderBy(a => Rule.Rank(a.Rule)).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        return new SegmentCoverage(segment.Id, segment.Name, segment.Stage, segment.Order, segment.Products.Length, segment.Makers.Length, byKind, rules, attached);
    }
}
