using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Concentration;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Profile;

/// <summary>
/// The profile of one enterprise (<see cref="EnterpriseProfile"/>) from its own adjacency and the
/// chain templates' segments (attached once per snapshot): O(d log d + Σ makers of its segments)
/// for d neighbours, so a profile never walks the whole graph.
/// </summary>
public static class EnterpriseProfileAnalysis
{
    /// <exception cref="NotFoundException">The node is not an enterprise.</exception>
    public static EnterpriseProfile Run(GraphSnapshot snapshot, int enterprise, int limit, ChainGapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= ChainGapOptions.Default;
        if (snapshot.Labels[enterprise] != NodeLabel.Enterprise)
            throw NotFoundException.NotA("id", snapshot.Ids[enterprise], snapshot.Labels[enterprise], new Phrase("企业", "an enterprise"));
        var parts = ChainParts(snapshot, enterprise);
        var supplies = snapshot.Out(RelType.Supplies);
        var supplied = snapshot.In(RelType.Supplies);
        var county = LevelRegions.Of(RegionLevel.County).IndexOf(snapshot, enterprise);
        var located = snapshot.Out(RelType.LocatedIn);
        var place = new EnterprisePlace(snapshot.Countries[enterprise], snapshot.Provinces[enterprise], snapshot.Cities[enterprise],
            county >= 0 ? LevelRegions.Of(RegionLevel.County).Divisions[county].Name : null,
            located.Degree(enterprise) > 0 ? snapshot.Ids[located.Neighbours(enterprise)[0]] : null);
        var partners = snapshot.Out(RelType.Partners).ToArray(enterprise).Concat(snapshot.In(RelType.Partners).ToArray(enterprise)).Distinct();
        return new EnterpriseProfile(snapshot.Ids[enterprise], snapshot.Names[enterprise], snapshot.Tags[enterprise], place,
            [.. parts.Select(p => p.Part)],
            Trading(snapshot, supplies, enterprise, limit), supplies.Degree(enterprise), Trading(snapshot, supplied, enterprise, limit), supplied.Degree(enterprise),
            [.. partners.Select(c => Of(snapshot, c)).OrderBy(c => c.Id, StringComparer.Ordinal)],
            [.. snapshot.Out(RelType.MemberOf).ToArray(enterprise).Select(c => Of(snapshot, c)).OrderBy(c => c.Id, StringComparer.Ordinal)],
            Chokepoints(snapshot, enterprise, parts),
            [.. parts.Select(p => Candidate(snapshot, enterprise, p.Part.ChainId, p.Segment, options)).OfType<Candidacy>()])
        {
            Coverage = SnapshotFacts.Of(snapshot).Coverage,
        };
    }

    /// <summary>Every template segment the enterprise is a maker of, upstream first within each chain, with the products of it that it makes.</summary>
    static List<(ChainSegment Segment, ChainPart Part)> ChainParts(GraphSnapshot snapshot, int enterprise)
    {
        var made = snapshot.Out(RelType.Makes).ToArray(enterprise);
        var parts = new List<(ChainSegment, ChainPart)>();
        foreach (var chain in ChainSegments.Templates(snapshot))
        {
            foreach (var segment in chain.Segments)
            {
                var at = Array.IndexOf(segment.Makers, enterprise);
                if (at < 0) continue;
                var products = made.Where(p => Array.IndexOf(segment.Products, p) >= 0).Select(p => snapshot.Names[p]).Order(StringComparer.Ordinal).ToList();
                parts.Add((segment, new ChainPart(chain.Id, chain.Name, segment.Id, segment.Name, segment.Stage, segment.MakerRules?[at] ?? "template", products)));
            }
        }
        return parts;
    }

    /// <summary>Customers (or suppliers) by id: volumes of different products have different units, so they do not order them.</summary>
    static List<Counterpart> Trading(GraphSnapshot snapshot, CsrAdjacency adjacency, int enterprise, int limit)
    {
        var others = adjacency.Neighbours(enterprise).ToArray();
        var volumes = adjacency.WeightsOf(enterprise).ToArray();
        return [.. Enumerable.Range(0, others.Length)
            .Select(i => Of(snapshot, others[i]) with { Volume = float.IsNaN(volumes[i]) ? null : volumes[i] })
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>The products of its segments it makes whose known supply is in few hands.</summary>
    static List<SupplyPosition> Chokepoints(GraphSnapshot snapshot, int enterprise, List<(ChainSegment Segment, ChainPart Part)> parts)
    {
        var inSegments = parts.SelectMany(p => p.Segment.Products).ToHashSet();
        var positions = new List<SupplyPosition>();
        foreach (var product in snapshot.Out(RelType.Makes).ToArray(enterprise).Where(inSegments.Contains).Distinct())
        {
            var supply = SupplierConcentration.OfProduct(snapshot, product);
            var why = supply.Makers == 1 ? new Phrase("{0}的唯一已知生产商", "only known maker of {0}", snapshot.Names[product])
                : supply.Hhi > ChokepointOptions.Default.ConcentratedHhi
                    ? new Phrase("{0}的 {1} 家已知生产商之一，HHI {2:0.00}（集中）", "one of {1} known makers of {0}, HHI {2:0.00} (concentrated)", snapshot.Names[product], supply.Makers, supply.Hhi)
                : null;
            if (why is not null) positions.Add(new SupplyPosition(snapshot.Ids[product], snapshot.Names[product], supply.Makers, Math.Round(supply.Hhi, 4), why));
        }
        return [.. positions.OrderBy(p => p.Makers).ThenByDescending(p => p.Hhi).ThenBy(p => p.ProductId, StringComparer.Ordinal)];
    }

    /// <summary>The cities, its own left out, where the gap analysis would list the enterprise for the segment: those where it is missing or weak.</summary>
    static Candidacy? Candidate(GraphSnapshot snapshot, int enterprise, string chain, ChainSegment segment, ChainGapOptions options)
    {
        var cities = LevelRegions.Of(RegionLevel.City);
        var supply = ChainGapAnalysis.SegmentSupply.Of(snapshot, segment);
        var held = RegionRanking.Held(snapshot, segment, supply, cities, [], TagSet.None);
        var own = cities.IndexOf(snapshot, enterprise);
        var holding = held.Keys.Where(r => r != own && RegionRanking.Status(held, r, segment, supply, options) >= GapStatus.Present).ToList();
        var lacking = cities.Divisions.Count - holding.Count - (own >= 0 ? 1 : 0);
        if (lacking <= 0) return null;
        var strong = holding.Where(r => RegionRanking.Status(held, r, segment, supply, options) == GapStatus.Strong).Select(r => cities.Divisions[r].Name).Order().Take(3).ToList();
        return new Candidacy(chain, segment.Id, segment.Name, lacking, cities.Divisions.Count,
            strong.Count == 0
                ? new Phrase("{1:N0} 个城市中有 {2:N0} 个缺失或薄弱于{0}", "{0} is missing or weak in {2:N0} of {1:N0} cities", segment.Name, cities.Divisions.Count, lacking)
                : new Phrase("{1:N0} 个城市中有 {2:N0} 个缺失或薄弱于{0}；{3}具备优势", "{0} is missing or weak in {2:N0} of {1:N0} cities; strong in {3}",
                    segment.Name, cities.Divisions.Count, lacking, string.Join("、", strong)));
    }

    static Counterpart Of(GraphSnapshot snapshot, int node) =>
        new(snapshot.Ids[node], snapshot.Names[node], snapshot.Labels[node].ToString(), snapshot.Provinces[node], snapshot.Cities[node]);

    static int[] ToArray(this CsrAdjacency adjacency, int node) => adjacency.Neighbours(node).ToArray();
}
