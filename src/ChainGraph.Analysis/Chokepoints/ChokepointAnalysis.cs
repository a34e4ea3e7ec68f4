using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Concentration;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chokepoints;

// Combines supplier concentration (HHI), dominators (Cooper–Harvey–Kennedy 2001) and
// articulation points (Hopcroft–Tarjan 1973) into one ranked, explained score.

/// <summary>
/// Ranks chokepoints (卡脖子): products that are single-sourced, concentrated, foreign-dependent,
/// that dominate many downstream products, or that are articulation points; and enterprises that
/// are some product's only maker or an articulation point of the SUPPLIES network.
/// O(V + E) for the structure plus O(makers) per product.
/// </summary>
public static class ChokepointAnalysis
{
    public static ChokepointReport Run(GraphSnapshot snapshot, ResolvedChain? chain = null, ChokepointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= ChokepointOptions.Default;
        var weakPoints = ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot));
        var dominators = DominatorAnalysis.Compute(snapshot);
        var scope = chain is null ? null : Scope(chain);
        bool InScope(int v) => scope is null || scope.Contains(v);

        var concentration = new ConcentrationFigures?[snapshot.NodeCount];
        var soleProducts = new Dictionary<int, List<int>>();
        var makes = snapshot.In(RelType.Makes);
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Product || makes.Degree(v) == 0) continue;
            concentration[v] = SupplierConcentration.OfProduct(snapshot, v);
            if (makes.Degree(v) == 1) (soleProducts.TryGetValue(makes.Neighbours(v)[0], out var list) ? list : soleProducts[makes.Neighbours(v)[0]] = []).Add(v);
        }
        var maxDominates = Math.Max(1, dominators.Dominates.Max());
        var items = new List<ChokepointItem>();
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (!InScope(v)) continue;
            var item = snapshot.Labels[v] switch
            {
                NodeLabel.Product => Product(snapshot, v, concentration[v], dominators.Dominates[v], weakPoints.IsArticulation[v], maxDominates, options),
                NodeLabel.Enterprise => Enterprise(snapshot, v, soleProducts.GetValueOrDefault(v), dominators, weakPoints.IsArticulation[v], maxDominates, options),
                _ => null,
            };
            if (item is not null) items.Add(item);
        }
        var ranked = items.OrderByDescending(i => i.Score).ThenBy(i => i.Id, StringComparer.Ordinal).Take(options.Top).ToList();
        var points = weakPoints.Points.Where(InScope).Select(v => snapshot.Ids[v]).Order(StringComparer.Ordinal).ToList();
        return new ChokepointReport(ranked, points, weakPoints.Bridges.Count, dominators.ReachableProducts);
    }

    static HashSet<int> Scope(ResolvedChain chain) =>
        chain.Segments.SelectMany(s => s.Products.Concat(s.Makers)).ToHashSet();

    static ChokepointItem? Product(GraphSnapshot snapshot, int v, ConcentrationFigures? figures, int dominates, bool articulation,
        int maxDominates, ChokepointOptions options)
    {
        if (figures is null && dominates == 0 && !articulation) return null;
        var f = figures ?? ConcentrationFigures.None;
        var why = new List<string>();
        if (f.Makers == 1) why.Add($"only maker: {snapshot.Names[snapshot.In(RelType.Makes).Neighbours(v)[0]]}");
        else if (f.Makers > 1 && f.Hhi > options.ConcentratedHhi) why.Add($"concentrated: {f.Makers} makers, HHI {f.Hhi:0.00}");
        if (f.Makers > 0 && f.ForeignShare >= 1) why.Add("all makers abroad");
        else if (f.ForeignShare >= options.ForeignShareFlag) why.Add($"{f.ForeignShare * 100:0}% of supply abroad");
        if (f.Makers > 1 && f.TopProvince is not null && f.TopProvinceShare >= options.TopProvinceFlag)
            why.Add($"{f.TopProvinceShare * 100:0}% of supply in {f.TopProvince}");
        if (dominates > 0) why.Add($"dominates {dominates} product{(dominates == 1 ? "" : "s")}");
        if (articulation) why.Add("articulation point of the supply network");
        var score = options.SingleSourceWeight * (f.Makers == 1 ? 1 : 0) + options.HhiWeight * f.Hhi + options.ForeignWeight * f.ForeignShare
            + options.DominatorWeight * Dominance(dominates, maxDominates) + options.ArticulationWeight * (articulation ? 1 : 0);
        return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Product), f.Makers, Math.Round(f.Hhi, 4),
            Math.Round(f.ForeignShare, 4), dominates, articulation, Math.Round(score, 4), string.Join("; ", why));
    }

    static ChokepointItem? Enterprise(GraphSnapshot snapshot, int v, List<int>? sole, DominatorTree dominators, bool articulation,
        int maxDominates, ChokepointOptions options)
    {
        if (sole is null && !articulation) return null;
        var why = new List<string>();
        // What hangs on it: the products only it makes, and everything those dominate.
        var dominates = sole?.Sum(p => 1 + dominators.Dominates[p]) ?? 0;
        if (sole is not null)
            why.Add($"only maker of {string.Join("、", sole.Take(3).Select(p => snapshot.Names[p]))}{(sole.Count > 3 ? $" and {sole.Count - 3} more" : "")}");
        var foreign = snapshot.Countries[v] is { } c && c != "CN";
        if (foreign) why.Add($"abroad ({snapshot.Countries[v]})");
        if (dominates > (sole?.Count ?? 0)) why.Add($"{dominates} products depend on it alone");
        if (articulation) why.Add("articulation point of the supply network");
        var score = options.SingleSourceWeight * (sole is null ? 0 : 1) + options.ForeignWeight * (foreign ? 1 : 0)
            + options.DominatorWeight * Dominance(dominates, maxDominates) + options.ArticulationWeight * (articulation ? 1 : 0);
        return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Enterprise), 0, 0, foreign ? 1 : 0, dominates,
            articulation, Math.Round(score, 4), string.Join("; ", why));
    }

    static double Dominance(int dominates, int maxDominates) => Math.Min(1, Math.Log(1 + dominates) / Math.Log(1 + maxDominates));
}
