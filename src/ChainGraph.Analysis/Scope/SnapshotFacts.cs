using System.Runtime.CompilerServices;
using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Products;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Scope;

/// <summary>
/// Facts about a snapshot that several analyses need, computed once per snapshot (O(V + E)) and
/// kept while the snapshot lives: which products are report lines rather than products, which
/// nodes belong to the strategic emerging industries, and the data's coverage.
/// </summary>
public sealed class SnapshotFacts
{
    static readonly ConditionalWeakTable<GraphSnapshot, SnapshotFacts> Cache = [];

    SnapshotFacts(GraphSnapshot snapshot)
    {
        NonProduct = new bool[snapshot.NodeCount];
        for (var v = 0; v < snapshot.NodeCount; v++)
            NonProduct[v] = snapshot.Labels[v] == NodeLabel.Product && NonProductLines.Default.Classify(snapshot.Names[v]) is not null;
        var templates = ChainSegments.Templates(snapshot);
        Chains = templates.Count;
        ChainMask = new ulong[snapshot.NodeCount];
        for (var c = 0; c < templates.Count; c++)
            foreach (var segment in templates[c].Segments)
                foreach (var p in segment.Products) ChainMask[p] |= 1UL << (c % 64);
        (DownstreamProducts, DownstreamMakers, SupplySegment) = Downstream(snapshot, templates);
        Strategic = StrategicNodes(snapshot, NonProduct, ChainMask);
        Substitutes = SubstitutesPerGroup(snapshot);
        Coverage = DataCoverage.Of(snapshot, NonProduct);
    }

    /// <summary>True for a Product node that is an accounting, reporting, service or unit line (graph/products/non-products.tsv).</summary>
    public bool[] NonProduct { get; }

    /// <summary>
    /// True for a product or enterprise of the strategic emerging industries: an enterprise of a
    /// strategic SW industry, a product such an enterprise makes or a chain template's segment holds,
    /// and an enterprise making such a product; never a non-product line.
    /// </summary>
    public bool[] Strategic { get; }

    public DataCoverage Coverage { get; }

    /// <summary>For each (product, substitute group), how many inputs of that group it has (INPUT_TO weight = substituteGroup).</summary>
    public IReadOnlyDictionary<(int Product, float Group), int> Substitutes { get; }

    /// <summary>
    /// Per product of a template segment, how many products the segments downstream of it hold
    /// (FEEDS, followed to the end of the chain; the largest over its segments): what the chain
    /// map says depends on it, where the data's product links are sparse. Only the products the
    /// template names carry and count it (a match rule attaches makers, it does not redraw the map);
    /// a variant (SUBTYPE_OF another product of the same segment, as 颗粒硅 of 多晶硅) leaves it to its parent.
    /// </summary>
    public int[] DownstreamProducts { get; }

    /// <summary>Per product of a template segment, how many enterprises make the products of the segments downstream of it.</summary>
    public int[] DownstreamMakers { get; }

    /// <summary>
    /// Per product the template names whose segment attached makers by its match rules, the segment
    /// (the one attaching most): those makers make its variants under other names (石墨负极 for 负极材料),
    /// so they count among its suppliers; else null.
    /// </summary>
    public ChainSegment?[] SupplySegment { get; }

    /// <summary>The makers a segment attached by its match rules rather than through the template's own products.</summary>
    public static IEnumerable<int> RuleAttachedMakers(ChainSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.MakerRules is null ? [] : segment.Makers.Where((_, i) => segment.MakerRules[i] != Rule.Template);
    }

    /// <summary>How many chain templates the graph holds.</summary>
    public int Chains { get; }

    /// <summary>Per product, the templates whose segments hold it, one bit each (beyond 64 templates bits are shared).</summary>
    public ulong[] ChainMask { get; }

    public static SnapshotFacts Of(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Cache.GetValue(snapshot, s => new SnapshotFacts(s));
    }

    static bool[] StrategicNodes(GraphSnapshot snapshot, bool[] nonProduct, ulong[] chainMask)
    {
        var n = snapshot.NodeCount;
        var industry = StrategicIndustries(snapshot);
        var strategic = new bool[n];
        var makes = snapshot.Out(RelType.Makes);
        for (var v = 0; v < n; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Enterprise) continue;
            foreach (var i in snapshot.Out(RelType.InIndustry).Neighbours(v)) strategic[v] |= industry[i];
            if (strategic[v])
                foreach (var p in makes.Neighbours(v)) strategic[p] = true;
        }
        for (var v = 0; v < n; v++) strategic[v] |= chainMask[v] != 0;
        // An enterprise is in scope when it makes a strategic product, whatever its own industry.
        for (var v = 0; v < n; v++)
        {
            if (nonProduct[v]) strategic[v] = false;
            else if (snapshot.Labels[v] == NodeLabel.Enterprise && !strategic[v])
                foreach (var p in makes.Neighbours(v)) strategic[v] |= strategic[p] && !nonProduct[p];
        }
        return strategic;
    }

    /// <summary>Industry nodes mapped to a sector, and every industry below one (PARENT runs child → parent).</summary>
    static bool[] StrategicIndustries(GraphSnapshot snapshot)
    {
        var strategic = new bool[snapshot.NodeCount];
        var children = snapshot.In(RelType.Parent);
        var frontier = new Stack<int>();
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Industry || !snapshot.Ids[v].StartsWith("SW", StringComparison.Ordinal)) continue;
            if (SwIndustrySectors.OfSwCode(snapshot.Ids[v][2..]) is null) continue;
            strategic[v] = true;
            frontier.Push(v);
        }
        while (frontier.Count > 0)
            foreach (var child in children.Neighbours(frontier.Pop()))
                if (!strategic[child])
                {
                    strategic[child] = true;
                    frontier.Push(child);
                }
        return strategic;
    }

    static Dictionary<(int Product, float Group), int> SubstitutesPerGroup(GraphSnapshot snapshot)
    {
        var inputs = snapshot.In(RelType.InputTo);
        var counts = new Dictionary<(int, float), int>();
        for (var v = 0; v < snapshot.NodeCount; v++)
            foreach (var group in inputs.WeightsOf(v))
                if (group > 0) counts[(v, group)] = counts.GetValueOrDefault((v, group)) + 1;
        return counts;
    }

    /// <summary>The products the template itself names for a segment (not those its match rules attached).</summary>
    static IEnumerable<int> TemplateProducts(ChainSegment segment) =>
        segment.ProductRules is null ? segment.Products : segment.Products.Where((_, i) => segment.ProductRules[i] == Rule.Template);

    static (int[] Products, int[] Makers, ChainSegment?[] Supply) Downstream(GraphSnapshot snapshot, IReadOnlyList<ResolvedChain> templates)
    {
        var products = new int[snapshot.NodeCount];
        var makers = new int[snapshot.NodeCount];
        var supply = new ChainSegment?[snapshot.NodeCount];
        var feeds = snapshot.Out(RelType.Feeds);
        var subtypeOf = snapshot.Out(RelType.SubtypeOf);
        foreach (var chain in templates)
        {
            var bySegment = chain.Segments.ToDictionary(s => s.Node);
            foreach (var segment in chain.Segments)
            {
                var seen = new HashSet<int>();
                var frontier = new Stack<int>(feeds.Neighbours(segment.Node).ToArray());
                while (frontier.Count > 0)
                {
                    var next = frontier.Pop();
                    if (next == segment.Node || !seen.Add(next)) continue;
                    foreach (var further in feeds.Neighbours(next)) frontier.Push(further);
                }
                var below = seen.Where(bySegment.ContainsKey).Select(s => bySegment[s]).ToList();
                var productCount = below.SelectMany(TemplateProducts).Distinct().Count();
                var makerCount = below.SelectMany(s => s.Makers).Distinct().Count();
                var own = segment.Products.ToHashSet();
                foreach (var p in TemplateProducts(segment))
                {
                    var attached = RuleAttachedMakers(segment).Count();
                    if (attached > 0 && (supply[p] is null || RuleAttachedMakers(supply[p]!).Count() < attached)) supply[p] = segment;
                    if (subtypeOf.Neighbours(p).ToArray().Any(own.Contains)) continue;
                    products[p] = Math.Max(products[p], productCount);
                    makers[p] = Math.Max(makers[p], makerCount);
                }
            }
        }
        return (products, makers, supply);
    }
}
