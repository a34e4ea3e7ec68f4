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
        var soleProducts = SoleProducts(snapshot);
        var maxDominates = Math.Max(1, dominators.Dominates.Max());

        // Score every node with numbers only; build the explanations for the top few alone.
        var top = new PriorityQueue<int, (double Score, string Id)>(options.Top + 1, TopComparer.Instance);
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (!InScope(v)) continue;
            var score = snapshot.Labels[v] switch
            {
                NodeLabel.Product => ProductScore(snapshot, v, dominators.Dominates[v], weakPoints.IsArticulation[v], maxDominates, options),
                NodeLabel.Enterprise => EnterpriseScore(snapshot, v, soleProducts.GetValueOrDefault(v), dominators, weakPoints.IsArticulation[v], maxDominates, options),
                _ => double.NaN,
            };
            if (double.IsNaN(score)) continue;
            var priority = (score, snapshot.Ids[v]);
            if (top.Count == options.Top && top.TryPeek(out _, out var weakest) && TopComparer.Instance.Compare(priority, weakest) <= 0) continue;
            top.Enqueue(v, priority);
            if (top.Count > options.Top) top.Dequeue();
        }
        var ranked = new List<ChokepointItem>(top.Count);
        while (top.Count > 0)
        {
            var v = top.Dequeue();
            ranked.Add(snapshot.Labels[v] == NodeLabel.Product
                ? Product(snapshot, v, dominators.Dominates[v], weakPoints.IsArticulation[v], maxDominates, options)
                : Enterprise(snapshot, v, soleProducts.GetValueOrDefault(v), dominators, weakPoints.IsArticulation[v], maxDominates, options));
        }
        ranked.Reverse();
        var points = weakPoints.Points.Where(InScope).Select(v => snapshot.Ids[v]).ToList();
        return new ChokepointReport(ranked, points, weakPoints.Bridges.Count, dominators.ReachableProducts);
    }

    /// <summary>For each enterprise that is some product's only maker, those products.</summary>
    static Dictionary<int, List<int>> SoleProducts(GraphSnapshot snapshot)
    {
        var sole = new Dictionary<int, List<int>>();
        var makes = snapshot.In(RelType.Makes);
        for (var p = 0; p < snapshot.NodeCount; p++)
        {
            if (makes.Degree(p) != 1) continue;
            var maker = makes.Neighbours(p)[0];
            (sole.TryGetValue(maker, out var list) ? list : sole[maker] = []).Add(p);
        }
        return sole;
    }

    /// <summary>Orders the heap so the lowest score (then the greatest id) leaves first, keeping the best.</summary>
    sealed class TopComparer : IComparer<(double Score, string Id)>
    {
        public static readonly TopComparer Instance = new();

        public int Compare((double Score, string Id) x, (double Score, string Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : string.CompareOrdinal(y.Id, x.Id);
    }

    static HashSet<int> Scope(ResolvedChain chain) =>
        chain.Segments.SelectMany(s => s.Products.Concat(s.Makers)).ToHashSet();

    static double ProductScore(GraphSnapshot snapshot, int v, int dominates, bool articulation, int maxDominates, ChokepointOptions options)
    {
        var makers = snapshot.In(RelType.Makes).Degree(v);
        if (makers == 0 && dominates == 0 && !articulation) return double.NaN;
        var f = makers == 0 ? ConcentrationFigures.None : SupplierConcentration.OfProduct(snapshot, v);
        return options.SingleSourceWeight * (f.Makers == 1 ? 1 : 0) + options.HhiWeight * f.Hhi + options.ForeignWeight * f.ForeignShare
            + options.DominatorWeight * Dominance(dominates, maxDominates) + options.ArticulationWeight * (articulation ? 1 : 0);
    }

    static ChokepointItem Product(GraphSnapshot snapshot, int v, int dominates, bool articulation, int maxDominates, ChokepointOptions options)
    {
        var f = SupplierConcentration.OfProduct(snapshot, v);
        var why = new List<string>();
        if (f.Makers == 1) why.Add($"only maker: {snapshot.Names[snapshot.In(RelType.Makes).Neighbours(v)[0]]}");
        else if (f.Makers > 1 && f.Hhi > options.ConcentratedHhi) why.Add($"concentrated: {f.Makers} makers, HHI {f.Hhi:0.00}");
        if (f.Makers > 0 && f.ForeignShare >= 1) why.Add("all makers abroad");
        else if (f.ForeignShare >= options.ForeignShareFlag) why.Add($"{f.ForeignShare * 100:0}% of supply abroad");
        if (f.Makers > 1 && f.TopProvince is not null && f.TopProvinceShare >= options.TopProvinceFlag)
            why.Add($"{f.TopProvinceShare * 100:0}% of supply in {f.TopProvince}");
        if (dominates > 0) why.Add($"dominates {dominates} product{(dominates == 1 ? "" : "s")}");
        if (articulation) why.Add("articulation point of the supply network");
        var score = ProductScore(snapshot, v, dominates, articulation, maxDominates, options);
        return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Product), f.Makers, Math.Round(f.Hhi, 4),
            Math.Round(f.ForeignShare, 4), dominates, articulation, Math.Round(score, 4), string.Join("; ", why));
    }

    static double EnterpriseScore(GraphSnapshot snapshot, int v, List<int>? sole, DominatorTree dominators, bool articulation,
        int maxDominates, ChokepointOptions options)
    {
        if (sole is null && !articulation) return double.NaN;
        return options.SingleSourceWeight * (sole is null ? 0 : 1) + options.ForeignWeight * (IsForeign(snapshot, v) ? 1 : 0)
            + options.DominatorWeight * Dominance(DependsOnIt(sole, dominators), maxDominates) + options.ArticulationWeight * (articulation ? 1 : 0);
    }

    static ChokepointItem Enterprise(GraphSnapshot snapshot, int v, List<int>? sole, DominatorTree dominators, bool articulation,
        int maxDominates, ChokepointOptions options)
    {
        var why = new List<string>();
        var dependents = DependsOnIt(sole, dominators);
        if (sole is not null)
            why.Add($"only maker of {string.Join("、", sole.Take(3).Select(p => snapshot.Names[p]))}{(sole.Count > 3 ? $" and {sole.Count - 3} more" : "")}");
        var foreign = IsForeign(snapshot, v);
        if (foreign) why.Add($"abroad ({snapshot.Countries[v]})");
        if (dependents > (sole?.Count ?? 0)) why.Add($"{dependents} products depend on it alone");
        if (articulation) why.Add("articulation point of the supply network");
        var score = EnterpriseScore(snapshot, v, sole, dominators, articulation, maxDominates, options);
        return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Enterprise), 0, 0, foreign ? 1 : 0, dependents,
            articulation, Math.Round(score, 4), string.Join("; ", why));
    }

    /// <summary>What hangs on an enterprise: the products only it makes, and everything those dominate.</summary>
    static int DependsOnIt(List<int>? sole, DominatorTree dominators) => sole?.Sum(p => 1 + dominators.Dominates[p]) ?? 0;

    static bool IsForeign(GraphSnapshot snapshot, int v) => snapshot.Countries[v] is { } c && c != "CN";

    static double Dominance(int dominates, int maxDominates) => Math.Min(1, Math.Log(1 + dominates) / Math.Log(1 + maxDominates));
}
