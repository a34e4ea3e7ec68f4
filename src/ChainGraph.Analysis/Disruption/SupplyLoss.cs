using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Disruption;

// A bottleneck (Leontief) bound propagated to a fixpoint over INPUT_TO with a worklist
// (Kildall 1973): each product can make at most what its scarcest required input still gives.

/// <summary>
/// The share of each product's supply a disruption cuts off, and the enterprises that lose a large
/// share of their inputs. A product's own loss is the share of its makers removed, weighted by
/// MAKES volume when every maker has one, else by capacity when every maker has one, else evenly
/// (a removed product loses all). Its loss is the largest of its own loss, the loss of each required
/// input, and for each substitute group the smallest loss in the group (the best substitute left);
/// this is an upper bound that assumes no one else's supply is redirected. A product lost outright
/// (<see cref="DisruptionAnalysis"/>) has loss 1. An enterprise's input loss is the mean loss over
/// the distinct inputs of the products it makes; its purchase loss is the share of its SUPPLIES
/// volume (or links, where a volume is missing) that came from removed enterprises; its exposure
/// is the larger. O(V + E·k) with k the times a product's loss rises (at most its distinct input
/// losses), plus O(d²) per product for its substitute groups of d inputs.
/// </summary>
internal static class SupplyLoss
{
    public static (IReadOnlyList<ProductSupplyLoss> Products, IReadOnlyList<EnterpriseExposure> Exposed) Measure(GraphSnapshot snapshot, bool[] gone, bool[] lost,
        DisruptionOptions options)
    {
        var n = snapshot.NodeCount;
        var facts = SnapshotFacts.Of(snapshot);
        var own = new double[n];
        var basis = new string?[n];
        var makersLost = new int[n];
        var loss = new double[n];
        var queue = new Queue<int>();
        for (var p = 0; p < n; p++)
        {
            if (snapshot.Labels[p] != NodeLabel.Product) continue;
            (own[p], basis[p], makersLost[p]) = Own(snapshot, p, gone);
            loss[p] = lost[p] ? 1 : own[p];
            if (loss[p] > 0) queue.Enqueue(p);
        }
        var users = snapshot.Out(RelType.InputTo);
        var inputs = snapshot.In(RelType.InputTo);
        while (queue.Count > 0)
            foreach (var user in users.Neighbours(queue.Dequeue()))
            {
                var next = Math.Max(own[user], FromInputs(inputs, user, loss).Loss);
                if (next <= loss[user] + 1e-12) continue;
                loss[user] = next;
                queue.Enqueue(user);
            }

        var products = new List<ProductSupplyLoss>();
        var makes = snapshot.In(RelType.Makes);
        for (var p = 0; p < n; p++)
        {
            if (!(loss[p] > 0) || facts.NonProduct[p]) continue;
            var (fromInputs, via) = FromInputs(inputs, p, loss);
            var byInputs = fromInputs > own[p] + 1e-12;
            products.Add(new ProductSupplyLoss(p, Math.Min(1, loss[p]), byInputs ? "inputs" : basis[p] ?? "inputs", makes.Degree(p), makersLost[p], lost[p], byInputs ? via : null));
        }
        products.Sort((a, b) => b.Share != a.Share ? b.Share.CompareTo(a.Share) : string.CompareOrdinal(snapshot.Ids[a.Product], snapshot.Ids[b.Product]));
        return (products, Exposed(snapshot, gone, loss, facts, options));
    }

    /// <summary>The share of a product's own supply removed, the basis it was measured on, and how many of its makers are gone.</summary>
    static (double Share, string? Basis, int MakersLost) Own(GraphSnapshot snapshot, int p, bool[] gone)
    {
        var makes = snapshot.In(RelType.Makes);
        var makers = makes.Neighbours(p);
        var volumes = makes.WeightsOf(p);
        int count = 0;
        bool byVolume = !makers.IsEmpty, byCapacity = !makers.IsEmpty;
        double volume = 0, volumeGone = 0, capacity = 0, capacityGone = 0;
        for (var i = 0; i < makers.Length; i++)
        {
            var m = makers[i];
            byVolume &= volumes[i] > 0;
            byCapacity &= snapshot.Capacities[m] > 0;
            volume += volumes[i];
            capacity += snapshot.Capacities[m];
            if (!gone[m]) continue;
            count++;
            volumeGone += volumes[i];
            capacityGone += snapshot.Capacities[m];
        }
        if (gone[p]) return (1, "removed", count);
        if (makers.IsEmpty) return (0, null, 0);
        return byVolume ? (volumeGone / volume, "volume", count)
            : byCapacity ? (capacityGone / capacity, "capacity", count)
            : ((double)count / makers.Length, "makers", count);
    }

    /// <summary>The loss its inputs impose: the worst required input, and the best input left of each substitute group; and which input that is.</summary>
    static (double Loss, int Via) FromInputs(CsrAdjacency inputs, int product, double[] loss)
    {
        var sources = inputs.Neighbours(product);
        var groups = inputs.WeightsOf(product);
        var (worst, via) = (0.0, -1);
        for (var i = 0; i < sources.Length; i++)
        {
            if (!(groups[i] > 0))
            {
                if (loss[sources[i]] > worst) (worst, via) = (loss[sources[i]], sources[i]);
                continue;
            }
            var first = true;
            for (var j = 0; j < i && first; j++) first = groups[j] != groups[i];
            if (!first) continue;
            var (best, bestInput) = (loss[sources[i]], sources[i]);
            for (var j = i + 1; j < sources.Length; j++)
                if (groups[j] == groups[i] && loss[sources[j]] < best) (best, bestInput) = (loss[sources[j]], sources[j]);
            if (best > worst) (worst, via) = (best, bestInput);
        }
        return (worst, via);
    }

    static List<EnterpriseExposure> Exposed(GraphSnapshot snapshot, bool[] gone, double[] loss, SnapshotFacts facts, DisruptionOptions options)
    {
        var n = snapshot.NodeCount;
        var seen = new int[n];
        var stamp = 0;
        var makes = snapshot.Out(RelType.Makes);
        var inputs = snapshot.In(RelType.InputTo);
        var bought = snapshot.In(RelType.Supplies);
        var exposed = new List<EnterpriseExposure>();
        for (var e = 0; e < n; e++)
        {
            if (snapshot.Labels[e] != NodeLabel.Enterprise || gone[e]) continue;
            stamp++;
            int count = 0, hit = 0, worst = -1;
            double sum = 0;
            foreach (var p in makes.Neighbours(e))
                foreach (var input in inputs.Neighbours(p))
                {
                    if (seen[input] == stamp || facts.NonProduct[input]) continue;
                    seen[input] = stamp;
                    count++;
                    sum += loss[input];
                    if (loss[input] > 0) hit++;
                    if (loss[input] > 0 && (worst < 0 || loss[input] > loss[worst])) worst = input;
                }
            var purchases = Purchases(bought, e, gone);
            var inputShare = count == 0 ? 0 : sum / count;
            var share = Math.Max(inputShare, purchases ?? 0);
            if (share > 0 && share >= options.InputLossThreshold)
                exposed.Add(new EnterpriseExposure(e, share, count, hit, inputShare, purchases, worst < 0 ? null : worst));
        }
        exposed.Sort((a, b) => b.Share != a.Share ? b.Share.CompareTo(a.Share) : string.CompareOrdinal(snapshot.Ids[a.Enterprise], snapshot.Ids[b.Enterprise]));
        return exposed;
    }

    /// <summary>The share of what the enterprise buys (SUPPLIES into it) that came from removed suppliers: by volume when every link has one, else by links; null when it buys nothing recorded.</summary>
    static double? Purchases(CsrAdjacency bought, int e, bool[] gone)
    {
        var suppliers = bought.Neighbours(e);
        if (suppliers.IsEmpty) return null;
        var volumes = bought.WeightsOf(e);
        var byVolume = true;
        double total = 0, lostVolume = 0;
        var lostLinks = 0;
        for (var i = 0; i < suppliers.Length; i++)
        {
            byVolume &= volumes[i] > 0;
            total += volumes[i];
            if (!gone[suppliers[i]]) continue;
            lostLinks++;
            lostVolume += volumes[i];
        }
        return byVolume ? lostVolume / total : (double)lostLinks / suppliers.Length;
    }
}

/// <summary>
/// How much of one product's supply a disruption cuts off (0..1]. <paramref name="Basis"/> is
/// <c>volume</c>, <c>capacity</c> or <c>makers</c> (its own makers removed, so weighted), <c>removed</c>
/// (the product itself was removed) or <c>inputs</c> (an input's loss bounds it: <paramref name="Via"/>).
/// </summary>
public sealed record ProductSupplyLoss(int Product, double Share, string Basis, int Makers, int MakersLost, bool Lost, int? Via);

/// <summary>
/// An enterprise still standing that loses at least the threshold of its inputs: <paramref name="Share"/>
/// is the larger of <paramref name="InputShareLost"/> (mean loss over its <paramref name="Inputs"/>
/// distinct inputs, <paramref name="InputsHit"/> of them hit) and <paramref name="PurchasesLost"/>
/// (the share of its SUPPLIES from removed enterprises; null when it buys nothing recorded).
/// </summary>
public sealed record EnterpriseExposure(int Enterprise, double Share, int Inputs, int InputsHit, double InputShareLost, double? PurchasesLost, int? WorstInput);
