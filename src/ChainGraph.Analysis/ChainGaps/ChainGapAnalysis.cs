using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
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
        if (options.Validate() is [_, ..] errors) throw new ArgumentException(string.Join("; ", errors));

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
        var makes = snapshot.In(RelType.Makes);
        var volume = new Dictionary<int, double>();
        var productCount = new Dictionary<int, int>();
        var byVolume = true;
        foreach (var p in segment.Products)
        {
            var makers = makes.Neighbours(p);
            var weights = makes.WeightsOf(p);
            for (var i = 0; i < makers.Length; i++)
            {
                byVolume &= weights[i] > 0;
                volume[makers[i]] = volume.GetValueOrDefault(makers[i]) + (weights[i] > 0 ? weights[i] : 0);
                productCount[makers[i]] = productCount.GetValueOrDefault(makers[i]) + 1;
            }
        }
        // Industry segments have makers by membership, not by MAKES: each counts as one equal share.
        foreach (var m in segment.Makers) productCount.TryAdd(m, 0);
        var shares = segment.Makers.ToDictionary(m => m, m => byVolume && volume.Count > 0 ? volume.GetValueOrDefault(m) : 1.0);
        var total = shares.Values.Sum();
        var hhi = shares.Values.Sum(v => (v / total) * (v / total));

        return segment.Makers.Where(m => !inRegion[m])
            .Select(m => Score(snapshot, m, segment, region, inRegion, options, shares[m], total, hhi, productCount[m], byVolume && volume.Count > 0))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(options.Candidates)
            .ToList();
    }

    static GapCandidate Score(GraphSnapshot snapshot, int maker, ChainSegment segment, RegionFilter region, bool[] inRegion,
        ChainGapOptions options, double share, double total, double hhi, int madeProducts, bool byVolume)
    {
        var reasons = new List<string>();
        var capacity = byVolume ? share / total
            : segment.Products.Length > 0 ? (double)madeProducts / segment.Products.Length : 0;
        if (madeProducts > 0)
        {
            var made = snapshot.Out(RelType.Makes).Neighbours(maker).ToArray().Where(p => segment.Products.Contains(p)).Select(p => snapshot.Names[p]).Take(3);
            reasons.Add(byVolume ? $"makes {string.Join("、", made)} ({capacity * 100:0}% of the segment's volume)"
                : $"makes {string.Join("、", made)} ({madeProducts}/{segment.Products.Length} of the segment's products)");
        }
        else
        {
            reasons.Add($"in {segment.Name}");
        }

        var tag = TagScores.FirstOrDefault(t => snapshot.Tags[maker].Contains(t.Tag));
        if (tag.Tag is not null) reasons.Add(tag.Tag);

        var links = LinksWithRegion(snapshot, maker, inRegion);
        if (links > 0) reasons.Add($"already trades with {links} enterprise{(links == 1 ? "" : "s")} in {region.Name}");

        // Doubling the candidate's volume (a new plant in the region): HHI' = (HHI·V² + 3v²) / (V + v)².
        var after = (hhi * total * total + 3 * share * share) / ((total + share) * (total + share));
        var relief = hhi > 0 ? Math.Max(0, (hhi - after) / hhi) : 0;
        if (relief >= 0.01) reasons.Add($"segment HHI {hhi:0.00}→{after:0.00}");

        var near = region.IsNear(snapshot, maker);
        if (near) reasons.Add($"same province ({snapshot.Provinces[maker]})");

        var score = options.CapacityWeight * capacity + options.TagWeight * tag.Score + options.LinkWeight * Math.Min(1, links / 3.0)
            + options.ReliefWeight * relief + options.ProximityWeight * (near ? 1 : 0);
        return new GapCandidate(snapshot.Ids[maker], snapshot.Names[maker], snapshot.Provinces[maker], snapshot.Cities[maker],
            snapshot.Countries[maker], Math.Round(score, 4), string.Join("; ", reasons));
    }

    static int LinksWithRegion(GraphSnapshot snapshot, int maker, bool[] inRegion)
    {
        var links = 0;
        foreach (var customer in snapshot.Out(RelType.Supplies).Neighbours(maker)) if (inRegion[customer]) links++;
        foreach (var supplier in snapshot.In(RelType.Supplies).Neighbours(maker)) if (inRegion[supplier]) links++;
        return links;
    }
}
