using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.FourChains;

/// <summary>
/// The "four chains" (四链融合) for a chain and a region, per segment: industry (local makers),
/// innovation (local innovation centres that SUPPORT the segment or its products, by kind), and
/// capital and talent where the data has them (listed local makers as the capital-market proxy;
/// the graph has no fund or university nodes yet, so those are reported as unknown). It flags
/// chokepoint segments, holding a product that <c>analyze chokepoints --chain</c> ranks and flags
/// (the one definition), that no local innovation centre supports.
/// </summary>
public static class FourChainsAnalysis
{
    public static FourChainsReport Run(GraphSnapshot snapshot, ResolvedChain chain, RegionFilter region, ChokepointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(region);
        var supports = snapshot.In(RelType.Supports);
        var chokepoints = ChokepointAnalysis.Run(snapshot, chain, options).Items.Where(i => i.Label == nameof(NodeLabel.Product) && i.Flagged)
            .Select(i => i.Id).ToHashSet();
        var segments = chain.Segments.Select(s =>
        {
            var local = s.Makers.Where(m => region.Contains(snapshot, m)).ToList();
            var centres = s.Products.Append(s.Node).SelectMany(t => supports.Neighbours(t).ToArray()).Distinct()
                .Where(c => region.Contains(snapshot, c)).ToList();
            var risky = s.Products.Where(p => chokepoints.Contains(snapshot.Ids[p])).Select(p => snapshot.Names[p]).ToList();
            return new SegmentCoverage(s.Id, s.Name, s.Stage, local.Count,
                centres.Select(c => snapshot.Names[c]).ToList(),
                local.Count(m => snapshot.Tags[m].Contains("上市")),
                risky, risky.Count > 0 && centres.Count == 0);
        }).ToList();
        return new FourChainsReport(chain.Id, chain.Name, region.Name, segments) { Coverage = SnapshotFacts.Of(snapshot).Coverage };
    }
}

/// <summary>The four chains of one chain in one region, segment by segment.</summary>
public sealed record FourChainsReport(string ChainId, string ChainName, string Region, IReadOnlyList<SegmentCoverage> Segments)
{
    public DataCoverage? Coverage { get; init; }
}

/// <summary>
/// One segment: local makers (industry), local innovation centres supporting it (innovation),
/// listed local makers (capital), its chokepoint products, and whether those lack local innovation support.
/// Talent is not in the data model yet.
/// </summary>
public sealed record SegmentCoverage(string Id, string Name, string Stage, int Industry, IReadOnlyList<string> Innovation, int ListedMakers,
    IReadOnlyList<string> ChokepointProducts, bool UnsupportedChokepoint);
