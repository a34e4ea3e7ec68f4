using ChainGraph.Model;
using ChainGraph.Model.Chains;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Chains;

/// <summary>
/// One segment of a chain: the products it holds and the enterprises that make them.
/// <paramref name="ByMembership"/> is true for an industry segment, whose makers are its member
/// enterprises and whose products are simply what they make. <paramref name="ProductRules"/> and
/// <paramref name="MakerRules"/> say, item by item, which rule (<see cref="Rule"/>) put each
/// product and maker there; a maker attached several ways shows the strongest.
/// </summary>
public sealed record ChainSegment(int Node, string Id, string Name, string Stage, int Order, int[] Products, int[] Makers, bool ByMembership = false,
    string[]? ProductRules = null, string[]? MakerRules = null);

/// <summary>
/// A chain as its segments, upstream first. <paramref name="Sector"/> is the template's strategic
/// emerging industry; <paramref name="Derived"/> is set when no template covers the industry asked
/// for and the chain was derived from UPSTREAM_OF links.
/// </summary>
public sealed record ResolvedChain(string Id, string Name, IReadOnlyList<ChainSegment> Segments, string? Sector = null, DerivedChain? Derived = null);

/// <summary>
/// Turns what a user calls a chain into segments. A Chain node gives its template segments
/// (PART_OF), each holding its own products (IN_SEGMENT) and what its match rules attach from the
/// data, with their makers. An Industry that a template covers (the Chain's <c>match</c> names
/// it or an industry above it) gives that template. Any other Industry gives a chain derived from
/// the classification (see <see cref="ChainOptions"/>).
/// </summary>
public static partial class ChainSegments
{
    public static ResolvedChain Resolve(GraphSnapshot snapshot, string chain, ChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var node = Find(snapshot, chain);
        if (snapshot.Labels[node] == NodeLabel.Chain) return FromTemplate(snapshot, node);
        return CoveringTemplate(snapshot, node) is { } template ? FromTemplate(snapshot, template) : FromIndustry(snapshot, node, options ?? ChainOptions.Default);
    }

    /// <summary>Every chain template in the graph, resolved.</summary>
    public static IReadOnlyList<ResolvedChain> Templates(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Chain).Select(v => FromTemplate(snapshot, v)).ToList();
    }

    static int Find(GraphSnapshot snapshot, string chain)
    {
        if (snapshot.TryGetIndex(chain, out var node) && snapshot.Labels[node] is NodeLabel.Chain or NodeLabel.Industry) return node;
        var byName = Enumerable.Range(0, snapshot.NodeCount)
            .Where(i => snapshot.Labels[i] is NodeLabel.Chain or NodeLabel.Industry && snapshot.Names[i] == chain)
            .OrderBy(i => snapshot.Labels[i])
            .ToList();
        return byName.Count > 0 ? byName[0]
            : throw new NotFoundException("chain", chain, new Phrase("没有编号或名称为「{0}」的产业链或行业。", "No chain or industry with id or name '{0}'.", chain));
    }

    static ResolvedChain FromTemplate(GraphSnapshot snapshot, int chain)
    {
        var attached = SegmentAttachment.All(snapshot);
        var segments = snapshot.In(RelType.PartOf).Neighbours(chain).ToArray()
            .Select(s =>
            {
                var a = attached[s];
                return new ChainSegment(s, snapshot.Ids[s], snapshot.Names[s], snapshot.Stages[s] ?? "midstream", snapshot.Orders[s], a.Products, a.Makers,
                    ProductRules: a.ProductRules, MakerRules: a.MakerRules);
            })
            .OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new ResolvedChain(snapshot.Ids[chain], snapshot.Names[chain], segments, snapshot.Sectors[chain]);
    }

    /// <summary>The template whose covered industries hold the industry or one above it; the first by id when several do.</summary>
    static int? CoveringTemplate(GraphSnapshot snapshot, int industry)
    {
        var lineage = Lineage(snapshot, industry).Select(v => snapshot.Ids[v]).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, snapshot.NodeCount)
            .Where(v => snapshot.Labels[v] == NodeLabel.Chain && CoveredIndustries(snapshot, v).Any(lineage.Contains))
            .OrderBy(v => snapshot.Ids[v], StringComparer.Ordinal)
            .Select(v => (int?)v).FirstOrDefault();
    }

    /// <summary>The industry and the industries above it (PARENT), nearest first.</summary>
    static List<int> Lineage(GraphSnapshot snapshot, int industry)
    {
        var lineage = new List<int> { industry };
        var parents = snapshot.Out(RelType.Parent);
        while (parents.Degree(lineage[^1]) > 0 && !lineage.Contains(parents.Neighbours(lineage[^1])[0]))
            lineage.Add(parents.Neighbours(lineage[^1])[0]);
        return lineage;
    }

    static IEnumerable<string> CoveredIndustries(GraphSnapshot snapshot, int chain)
    {
        SegmentMatch match;
        try
        {
            match = SegmentMatch.Parse(snapshot.Matches[chain]);
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
        return (match.Industries ?? []).Select(code => code.StartsWith("SW", StringComparison.Ordinal) ? code : "SW" + code);
    }
}
