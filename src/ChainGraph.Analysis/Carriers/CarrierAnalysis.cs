using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Carriers;

/// <summary>
/// Which innovation carriers could address each chokepoint, and the chokepoints that no carrier
/// addresses, per region. The chokepoints are the flagged products of the chokepoint ranking (of a
/// chain, or of its default scope: the one definition <c>analyze four-chains</c> also uses). A
/// centre addresses a chokepoint when it SUPPORTS the product, SUPPORTS a chain segment holding it,
/// or PARTNERS with an enterprise making it. A chokepoint is relevant to a region when an enterprise
/// there makes it or makes a product it is a direct input of; without a region asked for, every
/// province with a relevant chokepoint is listed, most unaddressed first. O(chokepoint ranking +
/// Σ per chokepoint of its makers, supporters, partners, users and their makers).
/// </summary>
public static class CarrierAnalysis
{
    public static CarrierReport Run(GraphSnapshot snapshot, ResolvedChain? chain = null, RegionFilter? region = null, ChokepointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ranking = ChokepointAnalysis.Run(snapshot, chain, options);
        var segments = (chain is null ? ChainSegments.Templates(snapshot).SelectMany(c => c.Segments) : chain.Segments).ToList();
        var chokepoints = ranking.Items.Select((item, i) => (item, rank: i + 1)).Where(x => x.item.Label == nameof(NodeLabel.Product) && x.item.Flagged)
            .Select(x => (Node: snapshot.IndexOf(x.item.Id, "product"), x.item, x.rank))
            .Select(x => (x.Node, Answer: new ChokepointCarriers(x.item.Id, x.item.Name, x.rank, x.item.Why, Carriers(snapshot, x.Node, segments))))
            .ToList();
        var centres = Enumerable.Range(0, snapshot.NodeCount).Count(v => snapshot.Labels[v] == NodeLabel.InnovationCentre);
        var regions = region is null
            ? ByProvince(snapshot, chokepoints)
            : [ForRegion(snapshot, region.Name, v => region.Contains(snapshot, v), chokepoints)];
        var unaddressed = chokepoints.Where(c => c.Answer.Carriers.Count == 0).Select(c => c.Answer.Id).ToList();
        var note = centres == 0
                ? new Phrase("数据中没有创新载体（InnovationCentre）：无法判断哪些卡脖子环节有载体支撑",
                    "the data holds no innovation centre (InnovationCentre): which chokepoints a carrier supports cannot be told")
            : chokepoints.Count == 0 ? new Phrase("范围内没有被标记的卡脖子产品", "no flagged chokepoint in scope")
            : new Phrase("{0} 个卡脖子产品中，{1} 个没有任何创新载体支撑", "of {0} chokepoint products, {1} have no innovation carrier", chokepoints.Count, unaddressed.Count);
        return new CarrierReport(ranking.Scope, region?.Name, centres, note, [.. chokepoints.Select(c => c.Answer)], unaddressed, regions)
        {
            Coverage = SnapshotFacts.Of(snapshot).Coverage,
        };
    }

    static List<Carrier> Carriers(GraphSnapshot snapshot, int product, List<ChainSegment> segments)
    {
        var found = new Dictionary<int, (double Score, List<Phrase> Ways)>();
        void Add(int centre, double score, Phrase way)
        {
            if (snapshot.Labels[centre] != NodeLabel.InnovationCentre) return;
            if (!found.TryGetValue(centre, out var entry)) found[centre] = entry = (score, []);
            else if (score > entry.Score) found[centre] = entry = (score, entry.Ways);
            if (!entry.Ways.Contains(way)) entry.Ways.Add(way);
        }
        var supporters = snapshot.In(RelType.Supports);
        foreach (var c in supporters.Neighbours(product)) Add(c, 1.0, new Phrase("支撑该产品", "supports the product"));
        foreach (var segment in segments.Where(s => s.Products.Contains(product)))
            foreach (var c in supporters.Neighbours(segment.Node)) Add(c, 0.7, new Phrase("支撑所在环节{0}", "supports its segment {0}", segment.Name));
        var partners = snapshot.In(RelType.Partners);
        foreach (var maker in snapshot.In(RelType.Makes).Neighbours(product))
            foreach (var c in partners.Neighbours(maker)) Add(c, 0.5, new Phrase("与生产企业{0}合作", "partners with its maker {0}", snapshot.Names[maker]));
        return [.. found.Select(f => new Carrier(snapshot.Ids[f.Key], snapshot.Names[f.Key], snapshot.Provinces[f.Key], snapshot.Cities[f.Key],
                f.Value.Score, f.Value.Ways))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    static List<RegionCarriers> ByProvince(GraphSnapshot snapshot, List<(int Node, ChokepointCarriers Answer)> chokepoints)
    {
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (node, _) in chokepoints)
            foreach (var e in Relevant(snapshot, node))
                if (snapshot.Provinces[e] is { } p) provinces.Add(p);
        return [.. provinces.Select(p => ForRegion(snapshot, p, v => snapshot.Provinces[v] == p, chokepoints))
            .OrderByDescending(r => r.Unaddressed.Count).ThenBy(r => r.Region, StringComparer.Ordinal)];
    }

    static RegionCarriers ForRegion(GraphSnapshot snapshot, string name, Func<int, bool> contains, List<(int Node, ChokepointCarriers Answer)> chokepoints)
    {
        var addressed = new List<RegionChokepoint>();
        var unaddressed = new List<RegionChokepoint>();
        foreach (var (node, answer) in chokepoints)
        {
            if (!Relevant(snapshot, node).Any(contains)) continue;
            var local = answer.Carriers.Where(c => contains(snapshot.IndexOf(c.Id, "carrier"))).Select(c => c.Name).ToList();
            var entry = new RegionChokepoint(answer.Id, answer.Name, local, answer.Carriers.Count - local.Count);
            (local.Count > 0 ? addressed : unaddressed).Add(entry);
        }
        return new RegionCarriers(name, addressed.Count + unaddressed.Count, addressed, unaddressed);
    }

    /// <summary>The enterprises a chokepoint matters to: its makers and the makers of the products it is a direct input of.</summary>
    static IEnumerable<int> Relevant(GraphSnapshot snapshot, int product)
    {
        var makers = snapshot.In(RelType.Makes);
        foreach (var m in makers.Neighbours(product).ToArray()) yield return m;
        foreach (var user in snapshot.Out(RelType.InputTo).Neighbours(product).ToArray())
            foreach (var m in makers.Neighbours(user).ToArray()) yield return m;
    }
}
