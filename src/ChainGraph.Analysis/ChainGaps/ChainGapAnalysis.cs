using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

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
        return new ChainGapReport(chain.Id, chain.Name, region.Name, segments) { Derived = chain.Derived, Coverage = SnapshotFacts.Of(snapshot).Coverage };
    }

    static SegmentGap Segment(GraphSnapshot snapshot, ChainSegment segment, RegionFilter region, bool[] inRegion, ChainGapOptions options)
    {
        var local = segment.Makers.Where(m => inRegion[m] && options.Tags.Matches(snapshot.Tags[m])).ToArray();
        var supply = SegmentSupply.Of(snapshot, segment);
        double? localShare = supply.Basis == SupplyBasis.Makers ? null : local.Sum(m => supply.Volumes[m]) / supply.Total;
        var status = Status(local.Length, segment.Makers.Length, localShare, options);
        var centres = SupportingCentres(snapshot, segment).Where(c => inRegion[c]).Select(c => snapshot.Ids[c]).ToList();
        var candidates = status is GapStatus.Missing or GapStatus.Weak
            ? Candidates(snapshot, segment, supply, region, inRegion, options)
            : [];
        return new SegmentGap(segment.Id, segment.Name, segment.Stage, segment.Order, status, local.Length, segment.Makers.Length,
            [.. local.Select(m => snapshot.Ids[m])], centres, candidates)
        {
            Basis = supply.Basis.ToString().ToLowerInvariant(),
            LocalShare = localShare is { } s ? Math.Round(s, 4) : null,
        };
    }

    /// <summary>
    /// The status of a segment whose region holds <paramref name="local"/> of its <paramref name="national"/>
    /// makers and, when its supply is measured by volume or capacity, <paramref name="localShare"/> of it
    /// (null when measured by makers): the thresholds of <see cref="ChainGapOptions"/>.
    /// </summary>
    public static GapStatus Status(int local, int national, double? localShare, ChainGapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return local == 0 ? GapStatus.Missing
            : localShare is { } share
                ? share < options.WeakShare ? GapStatus.Weak : share >= options.StrongShare || local >= options.StrongAt ? GapStatus.Strong : GapStatus.Present
                : local < options.WeakBelow ? GapStatus.Weak
                : local >= options.StrongAt || (double)local / national >= options.StrongShare ? GapStatus.Strong
                : GapStatus.Present;
    }

    static IEnumerable<int> SupportingCentres(GraphSnapshot snapshot, ChainSegment segment)
    {
        var supports = snapshot.In(RelType.Supports);
        return segment.Products.Prepend(segment.Node).SelectMany(t => supports.Neighbours(t).ToArray()).Distinct().Order();
    }

    /// <summary>
    /// Makers outside the region, best first. Ties go to the larger capacity share, then to the one
    /// making more of the segment's products, then to the smaller id; a maker whose place is not known
    /// precisely enough to tell whether it is outside comes after every maker known to be.
    /// </summary>
    static List<GapCandidate> Candidates(GraphSnapshot snapshot, ChainSegment segment, SegmentSupply supply, RegionFilter region, bool[] inRegion,
        ChainGapOptions options) =>
        segment.Makers.Where(m => !inRegion[m] && options.Tags.Matches(snapshot.Tags[m]))
            .Select(m => Score(snapshot, m, segment, supply, region, inRegion, options))
            .OrderBy(c => c.Candidate.PlaceUnknown).ThenByDescending(c => c.Candidate.Score).ThenByDescending(c => c.Capacity)
            .ThenByDescending(c => c.Made).ThenBy(c => c.Candidate.Id, StringComparer.Ordinal)
            .Take(options.Candidates)
            .Select(c => c.Candidate)
            .ToList();

    static (GapCandidate Candidate, double Capacity, int Made) Score(GraphSnapshot snapshot, int maker, ChainSegment segment, SegmentSupply supply,
        RegionFilter region, bool[] inRegion, ChainGapOptions options)
    {
        var reasons = new List<Phrase>();
        var made = supply.ProductsMade.GetValueOrDefault(maker);
        var names = snapshot.Out(RelType.Makes).Neighbours(maker).ToArray().Where(segment.Products.Contains).Select(p => snapshot.Names[p]).Take(3).ToList();
        var makes = string.Join("、", names);
        double capacity;
        // Capacity first (the maker's own figure), then volumes, then how much of the segment it makes.
        if (snapshot.Capacities[maker] > 0 && supply.KnownCapacity > snapshot.Capacities[maker])
        {
            capacity = snapshot.Capacities[maker] / supply.KnownCapacity;
            reasons.Add(new Phrase("生产{0}", "makes {0}", makes));
            reasons.Add(new Phrase("产能 {0:0.##}（占环节已知产能 {1:0}%）", "capacity {0:0.##} ({1:0}% of the segment's known capacity)", snapshot.Capacities[maker], capacity * 100));
        }
        else if (supply.Basis == SupplyBasis.Volume)
        {
            capacity = supply.Volumes[maker] / supply.Total;
            reasons.Add(new Phrase("生产{0}（占环节产量 {1:0}%）", "makes {0} ({1:0}% of the segment's volume)", makes, capacity * 100));
        }
        else if (segment.ByMembership)
        {
            // Industry segments carry no volumes or template products: every member counts evenly.
            capacity = 1.0 / segment.Makers.Length;
            reasons.Add(names.Count > 0 ? new Phrase("属于{0}，生产{1}", "in {0}, makes {1}", segment.Name, makes) : new Phrase("属于{0}", "in {0}", segment.Name));
        }
        else
        {
            capacity = (double)made / segment.Products.Length;
            reasons.Add(new Phrase("生产{0}（环节 {2} 种产品中的 {1} 种）", "makes {0} ({1}/{2} of the segment's products)", makes, made, segment.Products.Length));
        }

        var tag = TagScores.FirstOrDefault(t => snapshot.Tags[maker].Contains(t.Tag));
        if (tag.Tag is not null) reasons.Add(Phrase.Verbatim(tag.Tag));

        var (trades, feeds) = LocalPartners(snapshot, maker, inRegion);
        if (trades.Count > 0 && feeds.Count > 0)
            reasons.Add(new Phrase("已与{1}的{0}有供货往来，并为{2}供应上游投入品", "already trades with {0} in {1} and makes inputs of {2}", Named(snapshot, trades), region.Name, Named(snapshot, feeds)));
        else if (trades.Count > 0) reasons.Add(new Phrase("已与{1}的{0}有供货往来", "already trades with {0} in {1}", Named(snapshot, trades), region.Name));
        else if (feeds.Count > 0) reasons.Add(new Phrase("为{1}的{0}供应上游投入品", "makes inputs of {0} in {1}", Named(snapshot, feeds), region.Name));

        // Doubling the candidate's volume (a new plant in the region): HHI' = (HHI·V² + 3v²) / (V + v)².
        var share = supply.Volumes[maker];
        var after = (supply.Hhi * supply.Total * supply.Total + 3 * share * share) / ((supply.Total + share) * (supply.Total + share));
        var relief = supply.Hhi > 0 ? Math.Max(0, (supply.Hhi - after) / supply.Hhi) : 0;
        if (relief >= 0.01) reasons.Add(new Phrase("环节集中度 HHI {0:0.00}→{1:0.00}", "segment HHI {0:0.00}→{1:0.00}", supply.Hhi, after));

        var near = region.IsNear(snapshot, maker);
        if (near) reasons.Add(new Phrase("同省（{0}）", "same province ({0})", snapshot.Provinces[maker]));
        var placeUnknown = !region.IsKnownOutside(snapshot, maker);
        if (placeUnknown) reasons.Add(PlaceUnknown(snapshot, maker, region));

        var score = options.CapacityWeight * capacity + options.TagWeight * tag.Score + options.LinkWeight * Math.Min(1, (trades.Count + feeds.Count) / 3.0)
            + options.ReliefWeight * relief + options.ProximityWeight * (near ? 1 : 0);
        var candidate = new GapCandidate(snapshot.Ids[maker], snapshot.Names[maker], snapshot.Provinces[maker], snapshot.Cities[maker],
            snapshot.Countries[maker], Math.Round(score, 4), new Reason(reasons)) { PlaceUnknown = placeUnknown, Tags = snapshot.Tags[maker] };
        return (candidate, capacity, made);
    }

    /// <summary>Why a candidate may already be in the region: its city (or, for a county, its county) is not known.</summary>
    static Phrase PlaceUnknown(GraphSnapshot snapshot, int maker, RegionFilter region) =>
        region.Kind == RegionKind.County && snapshot.Cities[maker] is { } city && city == region.City
            ? new Phrase("区县不明（在{0}）：可能已在本地", "county not known (in {0}): may already be local", city)
        : region.Province is { } p && snapshot.Provinces[maker] == p ? new Phrase("城市不明（在{0}）：可能已在本地", "city not known (in {0}): may already be local", p)
        : new Phrase("地点不明", "place not known");

    static Phrase Named(GraphSnapshot snapshot, IReadOnlyCollection<int> enterprises) =>
        Phrase.Names([.. enterprises.OrderBy(e => snapshot.Ids[e], StringComparer.Ordinal).Select(e => snapshot.Names[e])]);

    /// <summary>
    /// The region's enterprises a candidate already deals with: those it SUPPLIES or is supplied
    /// by (trades), and, apart from those, those making a product that one of its products is an
    /// input to (feeds; 以企引企 at product level).
    /// </summary>
    static (HashSet<int> Trades, HashSet<int> Feeds) LocalPartners(GraphSnapshot snapshot, int maker, bool[] inRegion)
    {
        var trading = new HashSet<int>();
        foreach (var customer in snapshot.Out(RelType.Supplies).Neighbours(maker)) if (inRegion[customer]) trading.Add(customer);
        foreach (var supplier in snapshot.In(RelType.Supplies).Neighbours(maker)) if (inRegion[supplier]) trading.Add(supplier);
        var fed = new HashSet<int>();
        foreach (var product in snapshot.Out(RelType.Makes).Neighbours(maker))
            foreach (var downstream in snapshot.Out(RelType.InputTo).Neighbours(product))
                foreach (var user in snapshot.In(RelType.Makes).Neighbours(downstream))
                    if (inRegion[user] && user != maker && !trading.Contains(user)) fed.Add(user);
        return (trading, fed);
    }

    /// <summary>What a segment's supply shares are measured in.</summary>
    internal enum SupplyBasis
    {
        /// <summary>MAKES volume: every maker of the segment's products reports one.</summary>
        Volume,

        /// <summary>The makers' own capacity: every maker of the segment has one.</summary>
        Capacity,

        /// <summary>Neither: every maker counts as one.</summary>
        Makers,
    }

    /// <summary>
    /// How a segment's supply is shared: each maker's share (summed MAKES volume when every maker
    /// of the segment's products has one, else its capacity when every maker has one, else 1 each),
    /// the total, the HHI, the capacity known among the makers, and how many of the segment's
    /// products each maker makes.
    /// </summary>
    internal sealed record SegmentSupply(Dictionary<int, double> Volumes, double Total, double Hhi, SupplyBasis Basis, double KnownCapacity,
        Dictionary<int, int> ProductsMade)
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
            var knownCapacity = segment.Makers.Where(m => snapshot.Capacities[m] > 0).Sum(m => snapshot.Capacities[m]);
            var basis = byVolume ? SupplyBasis.Volume
                : segment.Makers.Length > 0 && segment.Makers.All(m => snapshot.Capacities[m] > 0) ? SupplyBasis.Capacity
                : SupplyBasis.Makers;
            var shares = segment.Makers.ToDictionary(m => m, m => basis switch
            {
                SupplyBasis.Volume => volume.GetValueOrDefault(m),
                SupplyBasis.Capacity => snapshot.Capacities[m],
                _ => 1.0,
            });
            var total = shares.Values.Sum();
            return new SegmentSupply(shares, total, total > 0 ? shares.Values.Sum(v => v / total * (v / total)) : 0, basis, knownCapacity, made);
        }
    }
}
