using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.ChainGaps;

// Chain completeness per segment (补链/强链) with a weighted multi-criteria score for 招商 candidates.

/// <summary>
/// For a chain and a region: each segment's local and national makers and its status
/// (missing, weak, present, strong), the local innovation centres that support it, and for
/// missing or weak segments the enterprises elsewhere that could fill them, ranked by a
/// documented score (<see cref="ChainGapOptions"/>) with a one-line reason.
/// O(S·M + E_supplies) for S segments with M makers each.
/// </summary>
public static class ChainGapAnalysis
{
    static readonly (string Tag, double Score)[] TagScores = [("链主", 1.0), ("单项冠军", 0.8), ("专精特新", 0.6), ("独角兽", 0.5), ("上市", 0.2)];

    public static ChainGapReport Run(GraphSnapshot snapshot, ResolvedChain chain, RegionFilter region, ChainGapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(region);
        options ??= ChainGapOptions.Default;
        options.Check(new ParameterCheck()).ThrowIfInvalid();

        var inRegion = new bool[snapshot.NodeCount];
        for (var v = 0; v < snapshot.NodeCount; v++) inRegion[v] = region.Contains(snapshot, v);
        var segments = chain.Segments.Select(s => Segment(snapshot, s, region, inRegion, options)).ToList();
        return new ChainGapReport(chain.Id, chain.Name, region.Name, segments);
    }

    static SegmentGap Segment(GraphSnapshot snapshot, ChainSegment segment, RegionFilter region, bool[] inRegion, ChainGapOptions options)
    {
        var local = segment.Makers.Where(m => inRegion[m]).ToArray();
        var status = local.Length == 0 ? GapStatus.Missing
            : local.Length < options.WeakBelow ? GapStatus.Weak
            : local.Length >= options.StrongAt || (double)local.Length / segment.Makers.Length >= options.StrongShare ? GapStatus.Strong
            : GapStatus.Present;
        var centres = SupportingCentres(snapshot, segment).Where(c => inRegion[c]).Select(c => snapshot.Ids[c]).ToList();
        var candidates = status is GapStatus.Missing or GapStatus.Weak
            ? Candidates(snapshot, segment, region, inRegion, options)
            : [];
        return new SegmentGap(segment.Id, segment.Name, segment.Stage, segment.Order, status, local.Length, segment.Makers.Length,
            [.. local.Select(m => snapshot.Ids[m])], centres, candidates);
    }

    static IEnumerable<int> SupportingCentres(GraphSnapshot snapshot, ChainSegment segment)
    {
        var supports = snapshot.In(RelType.Supports);
        return segment.Products.Prepend(segment.Node).SelectMany(t => supports.Neighbours(t).ToArray()).Distinct().Order();
    }

    static List<GapCandidate> Candidates(GraphSnapshot snapshot, ChainSegment segment, RegionFilter region, bool[] inRegion, ChainGapOptions options)
    {
        var supply = SegmentSupply.Of(snapshot, segment);
        return segment.Makers.Where(m => !inRegion[m])
            .Select(m => Score(snapshot, m, segment, supply, region, inRegion, options))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(options.Candidates)
            .ToList();
    }

    static GapCandidate Score(GraphSnapshot snapshot, int maker, ChainSegment segment, SegmentSupply supply, RegionFilter region,
        bool[] inRegion, ChainGapOptions options)
    {
        var reasons = new List<string>();
        var share = supply.Volumes[maker];
        var made = supply.ProductsMade.GetValueOrDefault(maker);
        // Industry segments carry no volumes or template products: every member counts evenly.
        var capacity = supply.ByVolume ? share / supply.Total
            : segment.ByMembership ? 1.0 / segment.Makers.Length
            : (double)made / segment.Products.Length;
        if (segment.ByMembership)
        {
            reasons.Add($"in {segment.Name}");
        }
        else
        {
            var names = snapshot.Out(RelType.Makes).Neighbours(maker).ToArray().Where(segment.Products.Contains).Select(p => snapshot.Names[p]).Take(3);
            reasons.Add(supply.ByVolume ? $"makes {string.Join("、", names)} ({capacity * 100:0}% of the segment's volume)"
                : $"makes {string.Join("、", names)} ({made}/{segment.Products.Length} of the segment's products)");
        }

        var tag = TagScores.FirstOrDefault(t => snapshot.Tags[maker].Contains(t.Tag));
        if (tag.Tag is not null) reasons.Add(tag.Tag);

        var (trades, feeds) = LocalPartners(snapshot, maker, inRegion);
        if (trades > 0) reasons.Add($"already trades with {Enterprises(trades)} in {region.Name}{(feeds > 0 ? $" and makes inputs of {feeds} more" : "")}");
        else if (feeds > 0) reasons.Add($"makes inputs of {Enterprises(feeds)} in {region.Name}");

        // Doubling the candidate's volume (a new plant in the region): HHI' = (HHI·V² + 3v²) / (V + v)².
        var after = (supply.Hhi * supply.Total * supply.Total + 3 * share * share) / ((supply.Total + share) * (supply.Total + share));
        var relief = supply.Hhi > 0 ? Math.Max(0, (supply.Hhi - after) / supply.Hhi) : 0;
        if (relief >= 0.01) reasons.Add($"segment HHI {supply.Hhi:0.00}→{after:0.00}");

        var near = region.IsNear(snapshot, maker);
        if (near) reasons.Add($"same province ({snapshot.Provinces[maker]})");

        var score = options.CapacityWeight * capacity + options.TagWeight * tag.Score + options.LinkWeight * Math.Min(1, (trades + feeds) / 3.0)
            + options.ReliefWeight * relief + options.ProximityWeight * (near ? 1 : 0);
        return new GapCandidate(snapshot.Ids[maker], snapshot.Names[maker], snapshot.Provinces[maker], snapshot.Cities[maker],
            snapshot.Countries[maker], Math.Round(score, 4), string.Join("; ", reasons));
    }

    static string Enterprises(int count) => $"{count} enterprise{(count == 1 ? "" : "s")}";

    /// <summary>
    /// The region's enterprises a candidate already deals with: those it SUPPLIES or is supplied
    /// by (trades), and, apart from those, those making a product that one of its products is an
    /// input to (feeds; 以企引企 at product level).
    /// </summary>
    static (int Trades, int Feeds) LocalPartners(GraphSnapshot snapshot, int maker, bool[] inRegion)
    {
        var trading = new HashSet<int>();
        foreach (var customer in snapshot.Out(RelType.Supplies).Neighbours(maker)) if (inRegion[customer]) trading.Add(customer);
        foreach (var supplier in snapshot.In(RelType.Supplies).Neighbours(maker)) if (inRegion[supplier]) trading.Add(supplier);
        var fed = new HashSet<int>();
        foreach (var product in snapshot.Out(RelType.Makes).Neighbours(maker))
            foreach (var downstream in snapshot.Out(RelType.InputTo).Neighbours(product))
                foreach (var user in snapshot.In(RelType.Makes).Neighbours(downstream))
                    if (inRegion[user] && user != maker && !trading.Contains(user)) fed.Add(user);
        return (trading.Count, fed.Count);
    }

    /// <summary>
    /// How a segment's supply is shared: each maker's volume (summed MAKES volume when every
    /// maker of the segment's products has one, else 1 each), the total, the HHI, and how many
    /// of the segment's products each maker makes.
    /// </summary>
    sealed record SegmentSupply(Dictionary<int, double> Volumes, double Total, double Hhi, bool ByVolume, Dictionary<int, int> ProductsMade)
    {
        public static SegmentSupply Of(GraphSnapshot snapshot, ChainSegment segment)
        {
            var makes = snapshot.In(RelType.Makes);
            var volume = new Dictionary<int, double>();
            var made = new Dictionary<int, int>();
            var byVolume = !segment.ByMembership;
            foreach (var p in segment.Products)
            {
                var makers = makes.Neighbours(p);
                var weights = makes.WeightsOf(p);
                for (var i = 0; i < makers.Length; i++)
                {
                    byVolume &= weights[i] > 0;
                    volume[makers[i]] = volume.GetValueOrDefault(makers[i]) + (weights[i] > 0 ? weights[i] : 0);
                    made[makers[i]] = made.GetValueOrDefault(makers[i]) + 1;
                }
            }
            byVolume &= volume.Count > 0;
            var shares = segment.Makers.ToDictionary(m => m, m => byVolume ? volume.GetValueOrDefault(m) : 1.0);
            var total = shares.Values.Sum();
            return new SegmentSupply(shares, total, shares.Values.Sum(v => v / total * (v / total)), byVolume, made);
        }
    }
}
