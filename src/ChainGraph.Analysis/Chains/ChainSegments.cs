using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chains;

/// <summary>
/// One segment of a chain: the products it holds and the enterprises that make them.
/// <paramref name="ByMembership"/> is true for an industry segment, whose makers are its member
/// enterprises and whose products are simply what they make.
/// </summary>
public sealed record ChainSegment(int Node, string Id, string Name, string Stage, int Order, int[] Products, int[] Makers, bool ByMembership = false);

/// <summary>A chain as its segments, upstream first.</summary>
public sealed record ResolvedChain(string Id, string Name, IReadOnlyList<ChainSegment> Segments);

/// <summary>
/// Turns what a user calls a chain into segments. A Chain node gives its template segments
/// (PART_OF) with the products IN_SEGMENT and their makers. Data without templates (such as
/// ChainKnowledgeGraph) names an Industry by id or name: that industry and each industry
/// UPSTREAM_OF it become the segments, their makers the enterprises IN_INDUSTRY of it or of
/// any sub-industry (PARENT).
/// </summary>
public static class ChainSegments
{
    public static ResolvedChain Resolve(GraphSnapshot snapshot, string chain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var node = Find(snapshot, chain);
        return snapshot.Labels[node] == NodeLabel.Chain ? FromTemplate(snapshot, node) : FromIndustry(snapshot, node);
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
            : throw new NotFoundException("chain", chain, $"No chain or industry with id or name '{chain}'.");
    }

    static ResolvedChain FromTemplate(GraphSnapshot snapshot, int chain)
    {
        var segments = snapshot.In(RelType.PartOf).Neighbours(chain).ToArray()
            .Select(s =>
            {
                var products = snapshot.In(RelType.InSegment).Neighbours(s).ToArray();
                var makers = products.SelectMany(p => snapshot.In(RelType.Makes).Neighbours(p).ToArray()).Distinct().Order().ToArray();
                return new ChainSegment(s, snapshot.Ids[s], snapshot.Names[s], snapshot.Stages[s] ?? "midstream", snapshot.Orders[s], products, makers);
            })
            .OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new ResolvedChain(snapshot.Ids[chain], snapshot.Names[chain], segments);
    }

    static ResolvedChain FromIndustry(GraphSnapshot snapshot, int industry)
    {
        var upstream = snapshot.In(RelType.UpstreamOf);
        var weights = upstream.WeightsOf(industry).ToArray();
        var segments = upstream.Neighbours(industry).ToArray()
            .Select((u, i) => (Industry: u, Weight: weights[i]))
            .OrderByDescending(u => u.Weight).ThenBy(u => snapshot.Ids[u.Industry], StringComparer.Ordinal)
            .Select((u, rank) => IndustrySegment(snapshot, u.Industry, "upstream", rank + 1))
            .Append(IndustrySegment(snapshot, industry, "midstream", upstream.Degree(industry) + 1))
            .ToList();
        return new ResolvedChain(snapshot.Ids[industry], snapshot.Names[industry], segments);
    }

    static ChainSegment IndustrySegment(GraphSnapshot snapshot, int industry, string stage, int order)
    {
        var industries = new HashSet<int> { industry };
        var frontier = new Stack<int>([industry]);
        while (frontier.Count > 0)
            foreach (var child in snapshot.In(RelType.Parent).Neighbours(frontier.Pop()))
                if (industries.Add(child)) frontier.Push(child);
        var makers = industries.SelectMany(i => snapshot.In(RelType.InIndustry).Neighbours(i).ToArray()).Distinct().Order().ToArray();
        var products = makers.SelectMany(m => snapshot.Out(RelType.Makes).Neighbours(m).ToArray()).Distinct().Order().ToArray();
        return new ChainSegment(industry, snapshot.Ids[industry], snapshot.Names[industry], stage, order, products, makers, ByMembership: true);
    }
}
