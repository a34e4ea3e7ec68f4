using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chains;

public static partial class ChainSegments
{
    /// <summary>
    /// A chain derived from the classification: the industry itself, or its leaf sub-industries when
    /// it has any (a level-2 industry becomes its level-3 children), as midstream segments; upstream,
    /// each industry with an UPSTREAM_OF link of enough weight into one of them, heaviest first,
    /// leaving out non-industrial sectors unless asked. Each segment's makers are its member enterprises.
    /// </summary>
    static ResolvedChain FromIndustry(GraphSnapshot snapshot, int industry, ChainOptions options)
    {
        var targets = Leaves(snapshot, industry);
        var upstream = snapshot.In(RelType.UpstreamOf);
        var support = new Dictionary<int, double>();
        var (considered, used, below, nonIndustrial) = (0, 0, 0, 0);
        foreach (var target in targets)
        {
            var weights = upstream.WeightsOf(target);
            var sources = upstream.Neighbours(target);
            for (var i = 0; i < sources.Length; i++)
            {
                considered++;
                // A link without a weight has no stated support: it counts as the weakest.
                var weight = float.IsNaN(weights[i]) ? 1 : weights[i];
                if (weight < options.MinUpstreamWeight) below++;
                else if (!options.IncludeServices && NonIndustrialSectors.Contains(snapshot, sources[i])) nonIndustrial++;
                else
                {
                    used++;
                    if (!targets.Contains(sources[i])) support[sources[i]] = support.GetValueOrDefault(sources[i]) + weight;
                }
            }
        }
        var segments = support.OrderByDescending(u => u.Value).ThenBy(u => snapshot.Ids[u.Key], StringComparer.Ordinal)
            .Select((u, rank) => IndustrySegment(snapshot, u.Key, "upstream", rank + 1))
            .Concat(targets.Order().Select(t => IndustrySegment(snapshot, t, "midstream", support.Count + 1)))
            .ToList();
        return new ResolvedChain(snapshot.Ids[industry], snapshot.Names[industry], segments,
            Derived: new DerivedChain(used, considered, options.MinUpstreamWeight, below, nonIndustrial, options.IncludeServices));
    }

    /// <summary>The industries below one that have none below them; the industry itself when it has none.</summary>
    static HashSet<int> Leaves(GraphSnapshot snapshot, int industry)
    {
        var children = snapshot.In(RelType.Parent);
        var leaves = new HashSet<int>();
        var seen = new HashSet<int> { industry };
        var frontier = new Stack<int>([industry]);
        while (frontier.TryPop(out var v))
        {
            if (children.Degree(v) == 0) leaves.Add(v);
            foreach (var child in children.Neighbours(v))
                if (seen.Add(child)) frontier.Push(child);
        }
        return leaves;
    }

    static ChainSegment IndustrySegment(GraphSnapshot snapshot, int industry, string stage, int order)
    {
        var makers = SegmentAttachment.IndustryMembers(snapshot, industry);
        var products = makers.SelectMany(m => snapshot.Out(RelType.Makes).Neighbours(m).ToArray()).Distinct().Order().ToArray();
        var rule = Rule.Industry(snapshot.Ids[industry]);
        return new ChainSegment(industry, snapshot.Ids[industry], snapshot.Names[industry], stage, order, products, makers, ByMembership: true,
            MakerRules: [.. makers.Select(_ => rule)]);
    }
}
