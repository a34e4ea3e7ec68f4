using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Disruption;

// Breadth-first propagation downstream over INPUT_TO (Moore 1959); O(V + E).

/// <summary>
/// What a disruption cuts off: remove enterprises, products or every enterprise of a region.
/// A product is lost when it had makers and none remains, when it is removed itself, when a
/// required input is lost, or when every input of one substitute group is lost (INPUT_TO edges
/// with the same substituteGroup into one product replace each other; an edge without one is
/// required). Loss propagates downstream. The report also weighs the loss by supply share
/// (<see cref="SupplyLoss"/>): the share of each product's supply cut off, the products partly
/// affected, and the enterprises that lose at least <see cref="DisruptionOptions.InputLossThreshold"/>
/// of their inputs.
/// </summary>
public static class DisruptionAnalysis
{
    public static DisruptionReport Run(GraphSnapshot snapshot, IReadOnlyCollection<int> removed, RegionFilter? region = null,
        IReadOnlyList<ResolvedChain>? chains = null, DisruptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(removed);
        var n = snapshot.NodeCount;
        var gone = new bool[n];
        foreach (var node in removed) gone[node] = true;
        if (region is not null)
            for (var v = 0; v < n; v++)
                if (snapshot.Labels[v] == NodeLabel.Enterprise && region.Contains(snapshot, v)) gone[v] = true;

        var lost = new bool[n];
        var queue = new Queue<int>();
        var makes = snapshot.In(RelType.Makes);
        for (var p = 0; p < n; p++)
        {
            if (snapshot.Labels[p] != NodeLabel.Product) continue;
            var makers = makes.Neighbours(p);
            var noMakerLeft = !makers.IsEmpty;
            foreach (var m in makers) noMakerLeft &= gone[m];
            if (gone[p] || noMakerLeft)
            {
                lost[p] = true;
                queue.Enqueue(p);
            }
        }
        var downstream = snapshot.Out(RelType.InputTo);
        var substitutesLeft = new Dictionary<(int Product, float Group), int>(SnapshotFacts.Of(snapshot).Substitutes);
        while (queue.Count > 0)
        {
            var input = queue.Dequeue();
            var groups = downstream.WeightsOf(input);
            var products = downstream.Neighbours(input);
            for (var i = 0; i < products.Length; i++)
            {
                var next = products[i];
                if (lost[next]) continue;
                if (groups[i] > 0 && --substitutesLeft[(next, groups[i])] > 0) continue;
                lost[next] = true;
                queue.Enqueue(next);
            }
        }

        var affected = new SortedSet<int>();
        var supplies = snapshot.Out(RelType.Supplies);
        for (var v = 0; v < n; v++)
        {
            if (snapshot.Labels[v] != NodeLabel.Enterprise || gone[v]) continue;
            foreach (var p in snapshot.Out(RelType.Makes).Neighbours(v)) if (lost[p]) affected.Add(v);
        }
        for (var v = 0; v < n; v++)
            if (gone[v] && snapshot.Labels[v] == NodeLabel.Enterprise)
                foreach (var customer in supplies.Neighbours(v)) if (!gone[customer]) affected.Add(customer);

        // Report lines that are not products (分部间抵销, 技术服务) are not supply that can be cut off.
        var facts = SnapshotFacts.Of(snapshot);
        var lostProducts = Enumerable.Range(0, n).Where(p => lost[p] && !facts.NonProduct[p]).ToArray();
        var segments = (chains ?? [])
            .SelectMany(c => c.Segments.Select(s => new SegmentLoss(c.Id, s.Id, s.Name, s.Products.Length, s.Products.Count(p => lost[p]))))
            .Where(s => s.Lost > 0)
            .ToList();
        var (supply, exposed) = SupplyLoss.Measure(snapshot, gone, lost, options ?? DisruptionOptions.Default);
        return new DisruptionReport(Enumerable.Range(0, n).Where(v => gone[v]).ToArray(), lostProducts, [.. affected], segments)
        {
            Coverage = facts.Coverage, Supply = supply, Exposed = exposed, InputLossThreshold = (options ?? DisruptionOptions.Default).InputLossThreshold,
        };
    }
}

/// <summary>What was removed, the products lost, the enterprises still standing that are hit, and each segment's loss.</summary>
public sealed record DisruptionReport(int[] Removed, int[] LostProducts, int[] AffectedEnterprises, IReadOnlyList<SegmentLoss> Segments)
{
    public DataCoverage? Coverage { get; init; }

    /// <summary>Every product whose supply the disruption cuts, wholly or partly, by the share lost (largest first).</summary>
    public IReadOnlyList<ProductSupplyLoss> Supply { get; init; } = [];

    /// <summary>The enterprises still standing that lose at least <see cref="InputLossThreshold"/> of their inputs, most exposed first.</summary>
    public IReadOnlyList<EnterpriseExposure> Exposed { get; init; } = [];

    public double InputLossThreshold { get; init; } = DisruptionOptions.Default.InputLossThreshold;
}

/// <summary>How much of a chain segment a disruption cuts off.</summary>
public sealed record SegmentLoss(string ChainId, string SegmentId, string Name, int Products, int Lost)
{
    public double Share => Products == 0 ? 0 : (double)Lost / Products;
}
