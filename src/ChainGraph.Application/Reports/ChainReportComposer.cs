using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Reports;

/// <summary>Puts the analyses' answers together into a <see cref="ChainReport"/>, looking up in the snapshot only what they name by id.</summary>
public static class ChainReportComposer
{
    /// <summary>The tags a 招商 team looks for first, in the gap analysis's order of weight.</summary>
    static readonly string[] KeyTags = ["链主", "单项冠军", "专精特新", "独角兽", "上市"];

    /// <summary>At most this many key local enterprises are listed.</summary>
    public const int MaxEnterprises = 100;

    public static ChainReport Compose(GraphSnapshot snapshot, ChainGapReport gaps, double score, ReportRank? rank, ChokepointReport chokepoints,
        AlternativesReport? alternatives, CarrierReport carriers)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(chokepoints);
        ArgumentNullException.ThrowIfNull(carriers);
        var segments = gaps.Segments.Select(s => new ReportSegment(s.Id, s.Name, s.Stage, s.Order, s.Status, s.Local, s.National, s.LocalShare,
            [.. s.LocalMakers.Select(id => Name(snapshot, id))], [.. s.InnovationCentres.Select(id => Name(snapshot, id))], s.Candidates.Count)).ToList();
        var region = carriers.Regions.FirstOrDefault();
        return new ChainReport(gaps.ChainId, gaps.ChainName, gaps.Region, score, rank, Coverage(gaps.Coverage), gaps.Derived?.Why,
            segments, Feeds(snapshot, gaps), Candidates(snapshot, gaps), Enterprises(snapshot, gaps), Carriers(snapshot, gaps, region),
            [.. (region?.Unaddressed ?? []).Select((c, i) => Unaddressed(chokepoints, c, i))], Chokepoints(chokepoints, alternatives))
        {
            Flagged = chokepoints.Items.Any(i => i.Flagged),
        };
    }

    /// <summary>What the data covers, in Chinese.</summary>
    static string Coverage(DataCoverage? c) => c?.Summary().In(Language.Zh) ?? "";

    static string Name(GraphSnapshot snapshot, string id) => snapshot.TryGetIndex(id, out var node) ? snapshot.Names[node] : id;

    static List<ReportFeed> Feeds(GraphSnapshot snapshot, ChainGapReport gaps)
    {
        var ids = gaps.Segments.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var feeds = snapshot.Out(RelType.Feeds);
        var list = new List<ReportFeed>();
        foreach (var segment in gaps.Segments)
        {
            if (!snapshot.TryGetIndex(segment.Id, out var node)) continue;
            foreach (var target in feeds.Neighbours(node))
                if (ids.Contains(snapshot.Ids[target])) list.Add(new ReportFeed(segment.Id, snapshot.Ids[target]));
        }
        return list;
    }

    /// <summary>Missing segments first, then weak ones, upstream first; within a segment the gap analysis's order.</summary>
    static List<ReportCandidate> Candidates(GraphSnapshot snapshot, ChainGapReport gaps) =>
        [.. gaps.Segments.Where(s => s.Candidates.Count > 0).OrderBy(s => s.Status) // a stable sort: upstream first within a status
            .SelectMany(s => s.Candidates.Select((c, i) => new ReportCandidate(s.Id, s.Name, s.Status, i + 1, c.Id, c.Name,
                c.Province ?? (c.Country is null or "CN" ? null : c.Country), c.City, Tags(snapshot, c.Id), c.Score, c.Why)))];

    static string[] Tags(GraphSnapshot snapshot, string id) => snapshot.TryGetIndex(id, out var node) ? snapshot.Tags[node] : [];

    /// <summary>The region's makers of the chain: those carrying a key tag first (链主 first), then those in more segments, then the larger capacity.</summary>
    static List<LocalEnterprise> Enterprises(GraphSnapshot snapshot, ChainGapReport gaps) =>
        [.. gaps.Segments.SelectMany(s => s.LocalMakers.Select(m => (Maker: m, Segment: s.Name)))
            .GroupBy(p => p.Maker, StringComparer.Ordinal)
            .Select(g =>
            {
                var found = snapshot.TryGetIndex(g.Key, out var node);
                return new LocalEnterprise(g.Key, found ? snapshot.Names[node] : g.Key, found ? snapshot.Cities[node] : null, found ? snapshot.Tags[node] : [],
                    [.. g.Select(p => p.Segment).Distinct()], found ? snapshot.Capacities[node] : 0);
            })
            .OrderBy(e => KeyTagRank(e.Tags)).ThenByDescending(e => e.Segments.Count).ThenByDescending(e => e.Capacity).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(MaxEnterprises)];

    static int KeyTagRank(IReadOnlyList<string> tags)
    {
        for (var i = 0; i < KeyTags.Length; i++) if (tags.Contains(KeyTags[i])) return i;
        return KeyTags.Length;
    }

    /// <summary>The local centres supporting the chain's segments, and the local carriers the carrier analysis finds for its chokepoints.</summary>
    static List<LocalCarrier> Carriers(GraphSnapshot snapshot, ChainGapReport gaps, RegionCarriers? region)
    {
        var addressed = (region?.Addressed ?? []).SelectMany(c => c.LocalCarriers.Select(name => (Carrier: name, Chokepoint: c.Name))).ToList();
        var bySegment = gaps.Segments.SelectMany(s => s.InnovationCentres.Select(c => (Centre: c, Segment: s.Name)))
            .GroupBy(p => p.Centre, StringComparer.Ordinal)
            .Select(g =>
            {
                var name = Name(snapshot, g.Key);
                return new LocalCarrier(g.Key, name, snapshot.TryGetIndex(g.Key, out var node) ? snapshot.Cities[node] : null, [.. g.Select(p => p.Segment).Distinct()],
                    [.. addressed.Where(a => a.Carrier == name).Select(a => a.Chokepoint).Distinct()]);
            }).ToList();
        var others = addressed.Where(a => bySegment.All(c => c.Name != a.Carrier)).GroupBy(a => a.Carrier)
            .Select(g => new LocalCarrier("", g.Key, null, [], [.. g.Select(a => a.Chokepoint).Distinct()]));
        return [.. bySegment.Concat(others)];
    }

    static ReportChokepoint Unaddressed(ChokepointReport chokepoints, RegionChokepoint c, int index)
    {
        var item = chokepoints.Items.Select((i, r) => (Item: i, Rank: r + 1)).FirstOrDefault(p => p.Item.Id == c.Id);
        return new ReportChokepoint(item.Item is null ? index + 1 : item.Rank, c.Id, c.Name, item.Item?.Suppliers ?? 0, item.Item?.Hhi ?? 0, item.Item?.ForeignShare,
            item.Item?.Score ?? 0, item.Item?.Why ?? Reason.None, null, [], [], []) { CarriersElsewhere = c.CarriersElsewhere };
    }

    /// <summary>The chain's flagged chokepoints in ranking order (every item when none is flagged), with the alternatives found for the top ones.</summary>
    static List<ReportChokepoint> Chokepoints(ChokepointReport report, AlternativesReport? alternatives)
    {
        var ranks = report.Items.Select((item, r) => (item.Id, Rank: r + 1)).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Rank, StringComparer.Ordinal);
        var byId = (alternatives?.Items ?? []).DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return [.. Listed(report).Select(i =>
        {
            var rank = ranks[i.Id];
            byId.TryGetValue(i.Id, out var a);
            return new ReportChokepoint(rank, i.Id, i.Name, i.Suppliers, i.Hhi, i.ForeignShare, i.Score, i.Why, a?.Status,
                [.. (a?.Makers ?? []).Select(Maker)],
                [.. (a?.Substitutes ?? []).Select(s => $"{s.Name}（{s.MakerCount} 家在产{(s.Kind == "sibling" ? "，同类" : "，可替代")}）")],
                [.. (a?.DomesticSubstitution ?? []).Select(d => $"{d.Name}{Place(d.Province, d.City)}")]);
        })];
    }

    /// <summary>The chokepoints the report lists: the flagged items of the ranking, in its order; every item when none is flagged.</summary>
    public static IEnumerable<ChokepointItem> Listed(ChokepointReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Items.Any(i => i.Flagged) ? report.Items.Where(i => i.Flagged) : report.Items;
    }

    static string Maker(AlternativeMaker m) => $"{m.Name}{Place(m.Province ?? (m.Domestic ? null : m.Country), m.City)}";

    static string Place(string? province, string? city) =>
        province is null && city is null ? "" : $"（{string.Join(" ", new[] { province, city }.OfType<string>().Distinct())}）";
}
