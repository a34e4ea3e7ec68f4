using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Ranking;

/// <summary>
/// Every region of a level (province, city, county) scored by how complete one chain is there
/// (<see cref="CompletenessScore"/>), best first, with its missing and weak segments named. Each
/// segment's status is the gap analysis's (<see cref="ChainGapAnalysis.Status"/>), from the region's
/// makers and share counted in one pass over the chain's makers: O(M + R·S) for M maker entries of
/// the chain's segments, R regions of the level and S segments, whatever the number of regions.
/// </summary>
public static class RegionRanking
{
    public static RegionRankingReport Run(GraphSnapshot snapshot, ResolvedChain chain, RegionLevel level, int top, CompletenessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        options ??= CompletenessOptions.Default;
        var regions = LevelRegions.Of(level);
        var segments = chain.Segments;
        var supplies = segments.Select(s => ChainGapAnalysis.SegmentSupply.Of(snapshot, s)).ToArray();
        var weights = segments.Select((s, i) => CompletenessScore.Weight(s.Stage, supplies[i].Hhi, options)).ToArray();

        var regionOf = new Dictionary<int, int>();
        var held = new Dictionary<int, (int Makers, double Supply)>[segments.Count];
        for (var s = 0; s < segments.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            held[s] = Held(snapshot, segments[s], supplies[s], regions, regionOf, options.Gaps.Tags);
        }

        var statuses = new GapStatus[regions.Divisions.Count][];
        var scores = new double[regions.Divisions.Count];
        for (var r = 0; r < statuses.Length; r++)
        {
            statuses[r] = [.. segments.Select((segment, s) => Status(held[s], r, segment, supplies[s], options.Gaps))];
            scores[r] = CompletenessScore.Of(statuses[r], weights, options);
        }
        var order = Enumerable.Range(0, statuses.Length)
            .OrderByDescending(r => scores[r]).ThenByDescending(r => statuses[r].Count(x => x != GapStatus.Missing))
            .ThenBy(r => regions.Divisions[r].Code, StringComparer.Ordinal)
            .Take(top)
            .Select((r, i) => Ranked(i + 1, regions.Divisions[r], scores[r], statuses[r], [.. held.Select(h => h.GetValueOrDefault(r).Makers)], segments, weights, options))
            .ToList();
        var withMakers = held.SelectMany(h => h.Keys).Distinct().Count();
        return new RegionRankingReport(chain.Id, chain.Name, level.ToString().ToLowerInvariant(), order, statuses.Length, withMakers,
            regionOf.Count, regionOf.Count(p => p.Value < 0),
            [.. segments.Select((s, i) => new SegmentWeight(s.Id, s.Name, s.Stage, s.Makers.Length, Math.Round(supplies[i].Hhi, 4), Math.Round(weights[i], 4)))])
        {
            Derived = chain.Derived,
            Coverage = SnapshotFacts.Of(snapshot).Coverage,
        };
    }

    /// <summary>The regions holding makers of the segment, with how many and their summed supply share (volume, capacity or 1 each); one pass over its makers.</summary>
    /// <param name="regionOf">Each maker's region index, filled as makers are met, so a maker of several segments is placed once.</param>
    internal static Dictionary<int, (int Makers, double Supply)> Held(GraphSnapshot snapshot, ChainSegment segment, ChainGapAnalysis.SegmentSupply supply,
        LevelRegions regions, Dictionary<int, int> regionOf, TagSet tags)
    {
        var held = new Dictionary<int, (int Makers, double Supply)>();
        foreach (var maker in segment.Makers)
        {
            if (!tags.Matches(snapshot.Tags[maker])) continue;
            if (!regionOf.TryGetValue(maker, out var r)) regionOf[maker] = r = regions.IndexOf(snapshot, maker);
            if (r < 0) continue;
            var (makers, share) = held.GetValueOrDefault(r);
            held[r] = (makers + 1, share + supply.Volumes[maker]);
        }
        return held;
    }

    /// <summary>The gap analysis's status of the segment in region <paramref name="region"/>, from what <see cref="Held"/> counted there.</summary>
    internal static GapStatus Status(Dictionary<int, (int Makers, double Supply)> held, int region, ChainSegment segment, ChainGapAnalysis.SegmentSupply supply,
        ChainGapOptions options)
    {
        if (!held.TryGetValue(region, out var local)) return GapStatus.Missing;
        double? share = supply.Basis == ChainGapAnalysis.SupplyBasis.Makers || supply.Total <= 0 ? null : local.Supply / supply.Total;
        return ChainGapAnalysis.Status(local.Makers, segment.Makers.Length, share, options);
    }

    static RankedRegion Ranked(int rank, Model.Regions.AdminDivision division, double score, GapStatus[] statuses, int[] makers,
        IReadOnlyList<ChainSegment> segments, double[] weights, CompletenessOptions options)
    {
        var parts = segments.Select((s, i) => new RegionSegmentStatus(s.Id, s.Name, statuses[i], makers[i],
            Math.Round(weights[i] * CompletenessScore.Value(statuses[i], options), 4))).ToList();
        string Named(GapStatus status) => string.Join("、", parts.Where(p => p.Status == status).Select(p => p.Name));
        var missing = parts.Count(p => p.Status == GapStatus.Missing);
        var held = new[] { GapStatus.Strong, GapStatus.Present, GapStatus.Weak }.Select(x => (Status: x, Count: parts.Count(p => p.Status == x)))
            .Where(c => c.Count > 0).Select(c => new Phrase("{1} {0} 个", "{0} {1}", c.Count, GapStatusText.Of(c.Status))).ToList();
        var why = new List<Phrase>();
        if (missing == parts.Count) why.Add(new Phrase("本地无该链生产企业", "no maker of the chain"));
        else
        {
            why.Add(new Phrase("{1} 个环节中 {0} 个有本地企业（{2}）", "{0} of {1} segments held ({2})", parts.Count - missing, parts.Count, Phrase.Join(held)));
            if (Named(GapStatus.Weak) is { Length: > 0 } weak) why.Add(new Phrase("薄弱：{0}", "weak: {0}", weak));
            if (missing > 0) why.Add(new Phrase("缺失：{0}", "missing: {0}", Named(GapStatus.Missing)));
        }
        var region = RegionFilter.Of(division);
        return new RankedRegion(rank, division.RegionId, division.Code, region.Name, region.Province, score, new Reason(why),
            [.. parts.Where(p => p.Status == GapStatus.Missing).Select(p => p.Name)], parts);
    }
}
