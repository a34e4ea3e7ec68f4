using System.Numerics;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Concentration;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Scope;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Chokepoints;

// Combines what depends on an input (required INPUT_TO users and dominators, Cooper–Harvey–Kennedy
// 2001), its supplier concentration (HHI) and articulation points (Hopcroft–Tarjan 1973) into one
// ranked, explained score.

/// <summary>
/// Ranks chokepoints (卡脖子): inputs that other products cannot do without (a required input, or
/// one every supply path passes through) and that few known makers, one province or makers abroad
/// supply; and the enterprises that are the only known maker of such an input. An input nothing
/// depends on (a substitute with alternatives, an end product) is not a chokepoint, nor is an
/// enterprise that only buys. By default the strategic emerging industries are ranked
/// (<see cref="SnapshotFacts.Strategic"/>); report lines that are not products never are.
/// O(V + E) for the structure plus O(makers + users) per product.
/// </summary>
public static class ChokepointAnalysis
{
    public static ChokepointReport Run(GraphSnapshot snapshot, ResolvedChain? chain = null, ChokepointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= ChokepointOptions.Default;
        // The three passes over the structure only read the snapshot, so they run side by side.
        SnapshotFacts facts = null!;
        StructuralWeakPoints weakPoints = null!;
        DominatorTree dominators = null!;
        Parallel.Invoke(
            () => facts = SnapshotFacts.Of(snapshot),
            () => weakPoints = ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot)),
            () => dominators = DominatorAnalysis.Compute(snapshot));
        var chainScope = chain is null ? null : Scope(chain);
        var inScope = new bool[snapshot.NodeCount];
        for (var v = 0; v < inScope.Length; v++)
            inScope[v] = !facts.NonProduct[v] && (chainScope?.Contains(v) ?? (options.Scope == ChokepointScope.All || facts.Strategic[v]));
        bool InScope(int v) => inScope[v];
        var context = new Context(snapshot, facts, new Dependence(snapshot, facts, dominators, inScope), weakPoints.IsArticulation, options);

        var products = new Dictionary<int, ProductFigures>();
        var top = new PriorityQueue<int, (double Score, string Id)>(options.Top + 1, TopComparer.Instance);
        void Offer(int v, double score)
        {
            var priority = (score, snapshot.Ids[v]);
            if (top.Count == options.Top && top.TryPeek(out _, out var weakest) && TopComparer.Instance.Compare(priority, weakest) <= 0) return;
            top.Enqueue(v, priority);
            if (top.Count > options.Top) top.Dequeue();
        }
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Product || !InScope(v) || context.Figures(v) is not { } figures) continue;
            products[v] = figures;
            if (TaggedHolders.Holds(snapshot, v, options.Tags)) Offer(v, figures.Score);
        }
        // An enterprise ranks as the most critical input only it makes.
        foreach (var (maker, sole) in SoleMakers(snapshot, products))
            if (InScope(maker) && TaggedHolders.Holds(snapshot, maker, options.Tags)) Offer(maker, sole.Max(p => products[p].Score));

        var ranked = new List<ChokepointItem>(top.Count);
        while (top.Count > 0)
        {
            var v = top.Dequeue();
            ranked.Add(snapshot.Labels[v] == NodeLabel.Product ? context.Product(v, products[v]) : context.Enterprise(v, products));
        }
        ranked.Reverse();
        var points = weakPoints.Points.Where(InScope).Select(v => snapshot.Ids[v]).ToList();
        return new ChokepointReport(ranked, points, weakPoints.Bridges.Count, dominators.ReachableProducts)
        {
            Scope = chain?.Id ?? (options.Scope == ChokepointScope.All ? "all" : "strategic"),
            Coverage = facts.Coverage,
        };
    }

    /// <summary>For each enterprise that is the only known maker of ranked products, those products.</summary>
    static Dictionary<int, List<int>> SoleMakers(GraphSnapshot snapshot, Dictionary<int, ProductFigures> products)
    {
        var sole = new Dictionary<int, List<int>>();
        var makes = snapshot.In(RelType.Makes);
        foreach (var p in products.Keys)
        {
            if (makes.Degree(p) != 1 || products[p].Supply.Makers != 1) continue;
            var maker = makes.Neighbours(p)[0];
            (sole.TryGetValue(maker, out var list) ? list : sole[maker] = []).Add(p);
        }
        return sole;
    }

    static HashSet<int> Scope(ResolvedChain chain) =>
        chain.Segments.SelectMany(s => s.Products.Concat(s.Makers)).ToHashSet();

    /// <summary>Orders the heap so the lowest score (then the greatest id) leaves first, keeping the best.</summary>
    sealed class TopComparer : IComparer<(double Score, string Id)>
    {
        public static readonly TopComparer Instance = new();

        public int Compare((double Score, string Id) x, (double Score, string Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : string.CompareOrdinal(y.Id, x.Id);
    }

    /// <summary>What one product's score rests on.</summary>
    readonly record struct ProductFigures(ConcentrationFigures Supply, double? ForeignShare, int Direct, int Dependents, int Enterprises, int Chains, double Score,
        ChainSegment? SupplySegment, int FirstSupplier);

    sealed class Context(GraphSnapshot snapshot, SnapshotFacts facts, Dependence dependence, bool[] articulation, ChokepointOptions options)
    {
        readonly Lazy<(int Dependents, int Enterprises)> maxima = new(dependence.Maxima);
        readonly int[] dominates = dependence.Dominators.Dominates;

        /// <summary>The product's figures, or null when it is no chokepoint: no known maker, or nothing depends on it.</summary>
        public ProductFigures? Figures(int v)
        {
            var makes = snapshot.In(RelType.Makes);
            if (makes.Degree(v) == 0) return null;
            var (direct, dependents, enterprises, chainMask) = dependence.Of(v);
            if (dependents == 0) return null;
            // A template's product can also come from the makers its segment attached by rule (石墨负极 for 负极材料).
            var segment = facts.SupplySegment[v];
            var suppliers = segment is null ? makes.Neighbours(v).ToArray() : [.. makes.Neighbours(v).ToArray().Union(SnapshotFacts.RuleAttachedMakers(segment))];
            var supply = segment is null ? SupplierConcentration.OfProduct(snapshot, v) : EqualShares(suppliers);
            // Abroad is unknown where the data holds no maker abroad, or none of these makers' countries.
            double? foreign = facts.Coverage.ForeignKnown && suppliers.Any(m => snapshot.Countries[m] is not null) ? supply.ForeignShare : null;
            var (maxDependents, maxEnterprises) = maxima.Value;
            var chains = BitOperations.PopCount(chainMask);
            var reach = 0.5 * Normalised(enterprises, maxEnterprises) + 0.5 * (facts.Chains == 0 ? 0 : (double)chains / facts.Chains);
            var score = options.DependenceWeight * Normalised(dependents, maxDependents) + options.ReachWeight * reach
                + options.ConcentrationWeight * supply.Hhi + options.ForeignWeight * (foreign ?? 0) + options.ArticulationWeight * (articulation[v] ? 1 : 0);
            return new ProductFigures(supply, foreign, direct, dependents, enterprises, chains, score, segment, suppliers[0]);
        }

        /// <summary>Makers of differently named products share no volume unit: equal shares.</summary>
        ConcentrationFigures EqualShares(int[] makers)
        {
            var unknown = new float[makers.Length];
            Array.Fill(unknown, float.NaN);
            return SupplierConcentration.Measure(snapshot, makers, unknown);
        }

        public ChokepointItem Product(int v, ProductFigures f)
        {
            var why = new List<Phrase>();
            var flagged = Flagged(f);
            var segment = f.SupplySegment?.Name;
            if (f.Supply.Makers == 1)
                why.Add(segment is null ? new Phrase("唯一已知生产商：{0}", "only known maker: {0}", snapshot.Names[f.FirstSupplier])
                    : new Phrase("唯一已知生产商（按环节{0}计）：{1}", "only known maker with segment {0}: {1}", segment, snapshot.Names[f.FirstSupplier]));
            else if (f.Supply.Hhi > options.ConcentratedHhi)
                why.Add(segment is null ? new Phrase("供给集中：已知生产商 {0} 家，HHI {1:0.00}", "concentrated: {0} known makers, HHI {1:0.00}", f.Supply.Makers, f.Supply.Hhi)
                    : new Phrase("供给集中：已知生产商 {0} 家（按环节{2}计），HHI {1:0.00}", "concentrated: {0} known makers with segment {2}, HHI {1:0.00}", f.Supply.Makers, f.Supply.Hhi, segment));
            else if (segment is not null) why.Add(new Phrase("已知生产商 {0} 家（按环节{1}计）", "{0} known makers with segment {1}", f.Supply.Makers, segment));
            if (f.ForeignShare >= 1) why.Add(new Phrase("已知生产商全在境外", "all known makers abroad"));
            else if (f.ForeignShare >= options.ForeignShareFlag) why.Add(new Phrase("境外供给占 {0:0}%", "{0:0}% of supply abroad", f.ForeignShare * 100));
            if (f.Supply.Makers > 1 && f.Supply.TopProvince is not null && f.Supply.TopProvinceShare >= options.TopProvinceFlag)
                why.Add(new Phrase("{0:0}% 的供给在{1}", "{0:0}% of supply in {1}", f.Supply.TopProvinceShare * 100, f.Supply.TopProvince));
            why.Add(Needed(f));
            if (articulation[v]) why.Add(new Phrase("供应网络的关节点", "articulation point of the supply network"));
            return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Product), f.Supply.Makers, Math.Round(f.Supply.Hhi, 4),
                f.ForeignShare is { } share ? Math.Round(share, 4) : null, dominates[v], articulation[v], Math.Round(f.Score, 4), new Reason(why))
            {
                Dependents = f.Dependents, DownstreamEnterprises = f.Enterprises, Chains = f.Chains, Flagged = flagged,
            };
        }

        /// <summary>Weak supply: one known maker, concentrated, mostly abroad, or mostly in one province.</summary>
        bool Flagged(ProductFigures f) =>
            f.Supply.Makers == 1 || f.Supply.Hhi > options.ConcentratedHhi || f.ForeignShare >= options.ForeignShareFlag
            || (f.Supply.Makers > 1 && f.Supply.TopProvince is not null && f.Supply.TopProvinceShare >= options.TopProvinceFlag);

        public ChokepointItem Enterprise(int v, Dictionary<int, ProductFigures> products)
        {
            var makes = snapshot.Out(RelType.Makes);
            var sole = makes.Neighbours(v).ToArray().Where(p => products.TryGetValue(p, out var f) && f.Supply.Makers == 1 && snapshot.In(RelType.Makes).Degree(p) == 1)
                .OrderByDescending(p => products[p].Score).ThenBy(p => snapshot.Ids[p], StringComparer.Ordinal).ToList();
            var best = products[sole[0]];
            var why = new List<Phrase>
            {
                new("唯一已知生产商，产品：{0}", "only known maker of {0}", Phrase.Names([.. sole.Select(p => snapshot.Names[p])], unit: "种")),
            };
            if (snapshot.Countries[v] is { } country && country != "CN") why.Add(new Phrase("境外（{0}）", "abroad ({0})", country));
            why.Add(Needed(best));
            return new ChokepointItem(snapshot.Ids[v], snapshot.Names[v], nameof(NodeLabel.Enterprise), 1, 1, best.ForeignShare, sole.Sum(p => dominates[p]),
                articulation[v], Math.Round(best.Score, 4), new Reason(why))
            {
                Dependents = sole.Sum(p => products[p].Dependents), DownstreamEnterprises = best.Enterprises, Chains = best.Chains, Flagged = true,
            };
        }

        static Phrase Needed(ProductFigures f)
        {
            var products = f.Dependents == 1 ? new Phrase("1 种产品依赖它", "1 product depends on it") : new Phrase("{0} 种产品依赖它", "{0} products depend on it", f.Dependents);
            var enterprises = f.Enterprises switch
            {
                0 => Phrase.Verbatim(""),
                1 => new Phrase("，涉及 1 家企业", ", made by 1 enterprise"),
                _ => new Phrase("，涉及 {0} 家企业", ", made by {0} enterprises", f.Enterprises),
            };
            var chains = f.Chains switch
            {
                0 => Phrase.Verbatim(""),
                1 => new Phrase("，在 1 条产业链中", ", in 1 chain"),
                _ => new Phrase("，在 {0} 条产业链中", ", in {0} chains", f.Chains),
            };
            return new Phrase("{0}{1}{2}", "{0}{1}{2}", products, enterprises, chains);
    }
    }

    /// <summary>
    /// What depends on a product, counting only products in scope: the products it is a required
    /// input of (an INPUT_TO without a substitute group, or the last of its group), plus those it
    /// dominates that are not among them, plus those of the template segments downstream of its own;
    /// the enterprises making them; the chains holding it or them.
    /// </summary>
    sealed class Dependence(GraphSnapshot snapshot, SnapshotFacts facts, DominatorTree dominators, bool[] inScope)
    {
        readonly int[] dominatedInScope = DominatedInScope(dominators, inScope);

        public DominatorTree Dominators => dominators;

        // Marks the makers counted for the product being measured, without a set per product.
        readonly int[] countedFor = new int[snapshot.NodeCount];
        int stamp;

        public (int Direct, int Dependents, int Enterprises, ulong Chains) Of(int v)
        {
            var users = snapshot.Out(RelType.InputTo);
            var groups = users.WeightsOf(v);
            var targets = users.Neighbours(v);
            var makes = snapshot.In(RelType.Makes);
            int direct = 0, alsoDominated = 0, enterprises = 0;
            var chains = facts.ChainMask[v];
            stamp++;
            for (var i = 0; i < targets.Length; i++)
            {
                var user = targets[i];
                if (!inScope[user] || (groups[i] > 0 && facts.Substitutes.GetValueOrDefault((user, groups[i])) > 1)) continue;
                direct++;
                if (dominators.ImmediateDominator[user] == v) alsoDominated++;
                chains |= facts.ChainMask[user];
                foreach (var maker in makes.Neighbours(user))
                {
                    if (countedFor[maker] == stamp) continue;
                    countedFor[maker] = stamp;
                    enterprises++;
                }
            }
            return (direct, direct - alsoDominated + dominatedInScope[v] + facts.DownstreamProducts[v], enterprises + facts.DownstreamMakers[v], chains);
        }

        /// <summary>The most products and enterprises any product in scope has depending on it, to normalise by.</summary>
        public (int Dependents, int Enterprises) Maxima()
        {
            int dependents = 1, enterprises = 1;
            for (var v = 0; v < snapshot.NodeCount; v++)
            {
                if (snapshot.Labels[v] != NodeLabel.Product || !inScope[v]) continue;
                var (_, d, e, _) = Of(v);
                dependents = Math.Max(dependents, d);
                enterprises = Math.Max(enterprises, e);
            }
            return (dependents, enterprises);
        }

        /// <summary>Per node, how many products in scope it dominates: sums up the dominator tree, deepest nodes first.</summary>
        static int[] DominatedInScope(DominatorTree dominators, bool[] inScope)
        {
            var idom = dominators.ImmediateDominator;
            var n = inScope.Length;
            var depth = new int[n];
            Array.Fill(depth, -1);
            var path = new Stack<int>();
            for (var v = 0; v < n; v++)
            {
                var u = v;
                while (u >= 0 && u < n && depth[u] < 0)
                {
                    path.Push(u);
                    u = idom[u];
                }
                var d = u >= 0 && u < n ? depth[u] : 0;
                while (path.Count > 0) depth[path.Pop()] = ++d;
            }
            var deepestFirst = new int[n];
            var keys = new int[n];
            for (var v = 0; v < n; v++) (deepestFirst[v], keys[v]) = (v, -depth[v]);
            Array.Sort(keys, deepestFirst);
            var counts = new int[n];
            foreach (var v in deepestFirst)
            {
                var parent = idom[v];
                if (parent < 0 || parent >= n || parent == v) continue;
                counts[parent] += counts[v] + (inScope[v] ? 1 : 0);
            }
            return counts;
        }
    }

    static double Normalised(int value, int max) => Math.Min(1, Math.Log(1 + value) / Math.Log(1 + max));
}
