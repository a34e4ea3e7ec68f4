using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Concentration;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Alternatives;

/// <summary>
/// Alternatives for an input (a chokepoint): the other known makers, domestic (CN) first, then
/// those of unknown country, then abroad, each by capacity, then volume; its substitutes, being
/// the other inputs of each substitute group it belongs to (INPUT_TO with the same
/// <c>substituteGroup</c> into one product) and its siblings (the other SUBTYPE_OF children of its
/// parents), with their makers; and, when at least <see cref="AlternativesOptions.ForeignShareFlag"/>
/// of its supply is made abroad, a domestic-substitution (国产替代) list: domestic enterprises that
/// make it, a substitute, a sibling or another product of its chain segment, each with the evidence.
/// Substitutes no one is known to make are counted, not listed.
/// O(makers + substitutes' makers + segment makers) per input, after the chokepoint ranking when
/// the inputs are its top products.
/// </summary>
public static class AlternativesAnalysis
{
    /// <summary>Alternatives for one product.</summary>
    /// <exception cref="NotFoundException">The node is not a Product.</exception>
    public static AlternativesReport Run(GraphSnapshot snapshot, int product, AlternativesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Labels[product] != NodeLabel.Product)
            throw NotFoundException.NotA("product", snapshot.Ids[product], snapshot.Labels[product], new Phrase("产品", "a Product"));
        return new AlternativesReport([For(snapshot, product, options ?? AlternativesOptions.Default)]) { Coverage = SnapshotFacts.Of(snapshot).Coverage };
    }

    /// <summary>Alternatives for the top <see cref="AlternativesOptions.Top"/> products of the chokepoint ranking (of a chain, or of its default scope).</summary>
    public static AlternativesReport ForChokepoints(GraphSnapshot snapshot, ResolvedChain? chain = null, AlternativesOptions? options = null,
        ChokepointOptions? chokepoints = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= AlternativesOptions.Default;
        var ranking = ChokepointAnalysis.Run(snapshot, chain, (chokepoints ?? ChokepointOptions.Default) with { Top = ChokepointsRequestTop(options.Top) });
        var items = ranking.Items.Select((item, i) => (item, rank: i + 1)).Where(x => x.item.Label == nameof(NodeLabel.Product)).Take(options.Top)
            .Select(x => For(snapshot, snapshot.IndexOf(x.item.Id, "product"), options) with { Rank = x.rank, Why = x.item.Why })
            .ToList();
        return new AlternativesReport(items) { Coverage = ranking.Coverage };
    }

    // Enterprises rank among the products (as the sole maker of one), so ask for more items than products wanted.
    static int ChokepointsRequestTop(int top) => Math.Min(1000, top * 3 + 10);

    static InputAlternatives For(GraphSnapshot snapshot, int product, AlternativesOptions options)
    {
        var facts = SnapshotFacts.Of(snapshot);
        var supply = SupplierConcentration.OfProduct(snapshot, product);
        var makers = Makers(snapshot, product, out var basis);
        var foreignKnown = facts.Coverage.ForeignKnown && makers.Any(m => m.Country is not null);
        double? foreign = supply.Makers == 0 || !foreignKnown ? null : Math.Round(supply.ForeignShare, 4);
        var all = Substitutes(snapshot, product, options);
        // A substitute no one is known to make is no source (on real data most SUBTYPE_OF siblings are such name variants): counted, not listed.
        var substitutes = all.Where(s => s.MakerCount > 0).Take(options.Limit).ToList();
        var dependent = foreign >= options.ForeignShareFlag;
        var status = supply.Makers == 0 ? new Phrase("数据中无已知生产企业", "no known maker in the data")
            : foreign is null
                ? facts.Coverage.ForeignKnown ? new Phrase("已知生产企业的国别均未知，无法判断对外依存", "no known maker's country is known: foreign dependence cannot be told")
                : new Phrase("数据中没有境外生产企业，无法判断对外依存（并非为零）", "the data holds no maker abroad: foreign dependence cannot be told (it is not zero)")
            : dependent ? new Phrase("对外依存：{0:0}% 的供给在境外，列出国产替代候选", "foreign-dependent: {0:0}% of supply abroad; domestic substitutes listed", foreign * 100)
            : new Phrase("非对外依存：境外供给占 {0:0}%", "not foreign-dependent: {0:0}% of supply abroad", foreign * 100);
        return new InputAlternatives(snapshot.Ids[product], snapshot.Names[product], foreign, basis, makers.Count, makers.Count(m => m.Domestic),
            [.. Listed(makers, options)], substitutes, dependent ? Domestic(snapshot, product, makers, substitutes, options) : null, status)
        {
            SubstitutesTotal = all.Count(s => s.MakerCount > 0), SubstitutesWithoutMakers = all.Count(s => s.MakerCount == 0),
        };
    }

    /// <summary>A product's makers, domestic first, with their shares: by volume when every maker has one, else capacity when every one has it, else even.</summary>
    internal static List<AlternativeMaker> Makers(GraphSnapshot snapshot, int product, out string basis)
    {
        var makes = snapshot.In(RelType.Makes);
        var ids = makes.Neighbours(product);
        var volumes = makes.WeightsOf(product);
        var byVolume = !ids.IsEmpty;
        var byCapacity = !ids.IsEmpty;
        double volumeTotal = 0, capacityTotal = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            byVolume &= volumes[i] > 0;
            byCapacity &= snapshot.Capacities[ids[i]] > 0;
            volumeTotal += volumes[i];
            capacityTotal += snapshot.Capacities[ids[i]];
        }
        basis = byVolume ? "volume" : byCapacity ? "capacity" : "makers";
        var list = new List<AlternativeMaker>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var m = ids[i];
            var share = byVolume ? volumes[i] / volumeTotal : byCapacity ? snapshot.Capacities[m] / capacityTotal : 1.0 / ids.Length;
            list.Add(Maker(snapshot, m, volumes[i] > 0 ? volumes[i] : null, share));
        }
        return [.. list.OrderBy(m => m.Domestic ? 0 : m.Country is null ? 1 : 2).ThenByDescending(m => m.Capacity ?? -1).ThenByDescending(m => m.Volume ?? -1)
            .ThenByDescending(m => m.Share).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    static AlternativeMaker Maker(GraphSnapshot snapshot, int m, double? volume, double share)
    {
        var capacity = snapshot.Capacities[m];
        return new AlternativeMaker(snapshot.Ids[m], snapshot.Names[m], snapshot.Countries[m], snapshot.Provinces[m], snapshot.Cities[m],
            double.IsNaN(capacity) ? null : capacity, volume, Math.Round(share, 4), snapshot.Countries[m] == "CN", snapshot.Tags[m]);
    }

    static List<Substitute> Substitutes(GraphSnapshot snapshot, int product, AlternativesOptions options)
    {
        var found = new List<Substitute>();
        var seen = new HashSet<int> { product };
        var users = snapshot.Out(RelType.InputTo);
        var inputs = snapshot.In(RelType.InputTo);
        var groups = users.WeightsOf(product);
        var targets = users.Neighbours(product);
        for (var i = 0; i < targets.Length; i++)
        {
            if (!(groups[i] > 0)) continue;
            var into = targets[i];
            var theirs = inputs.Neighbours(into);
            var theirGroups = inputs.WeightsOf(into);
            for (var j = 0; j < theirs.Length; j++)
                if (theirGroups[j] == groups[i] && seen.Add(theirs[j]))
                    found.Add(Substitute(snapshot, theirs[j], "substituteGroup", into, (int)groups[i], options));
        }
        var children = snapshot.In(RelType.SubtypeOf);
        foreach (var parent in snapshot.Out(RelType.SubtypeOf).Neighbours(product))
            foreach (var sibling in children.Neighbours(parent))
                if (seen.Add(sibling) && !SnapshotFacts.Of(snapshot).NonProduct[sibling])
                    found.Add(Substitute(snapshot, sibling, "sibling", parent, null, options));
        // The ones that can be bought now first: most domestic makers, then most makers.
        return [.. found.OrderBy(s => s.Kind == "substituteGroup" ? 0 : 1).ThenByDescending(s => s.DomesticMakers).ThenByDescending(s => s.MakerCount)
            .ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    static Substitute Substitute(GraphSnapshot snapshot, int product, string kind, int via, int? group, AlternativesOptions options)
    {
        var makers = Makers(snapshot, product, out _);
        return new Substitute(snapshot.Ids[product], snapshot.Names[product], kind, snapshot.Ids[via], snapshot.Names[via], group, makers.Count,
            makers.Count(m => m.Domestic), [.. Listed(makers, options)]);
    }

    static IEnumerable<AlternativeMaker> Listed(List<AlternativeMaker> makers, AlternativesOptions options) =>
        makers.Where(m => options.Tags.Matches(m.Tags)).Take(options.Limit);

    /// <summary>Domestic enterprises that make the input, a substitute, a sibling or a product of its segment; the strongest evidence decides the order.</summary>
    static List<DomesticCandidate> Domestic(GraphSnapshot snapshot, int product, List<AlternativeMaker> makers, List<Substitute> substitutes,
        AlternativesOptions options)
    {
        var evidence = new Dictionary<int, (double Score, List<Phrase> Lines)>();
        void Add(int enterprise, double score, Phrase line)
        {
            if (snapshot.Countries[enterprise] != "CN" || !options.Tags.Matches(snapshot.Tags[enterprise])) return;
            if (!evidence.TryGetValue(enterprise, out var entry)) evidence[enterprise] = entry = (score, []);
            else if (score > entry.Score) evidence[enterprise] = entry = (score, entry.Lines);
            if (!entry.Lines.Contains(line)) entry.Lines.Add(line);
        }
        var makes = snapshot.In(RelType.Makes);
        var name = snapshot.Names[product];
        foreach (var m in makes.Neighbours(product)) Add(m, 1.0, new Phrase("已生产{0}本身，可扩产", "already makes {0} itself and could expand", name));
        foreach (var s in substitutes)
        {
            var sub = snapshot.IndexOf(s.Id, "product");
            var line = s.Kind == "substituteGroup"
                ? new Phrase("生产{0}：在{1}中可替代{2}（替代组 {3}）", "makes {0}, which can replace {2} in {1} (substitute group {3})", s.Name, s.ViaName, name, s.Group)
                : new Phrase("生产{0}：与{1}同属{2}", "makes {0}, a kind of {2} like {1}", s.Name, name, s.ViaName);
            foreach (var m in makes.Neighbours(sub)) Add(m, s.Kind == "substituteGroup" ? 0.8 : 0.6, line);
        }
        foreach (var segment in ChainSegments.Templates(snapshot).SelectMany(c => c.Segments).Where(s => s.Products.Contains(product)))
            foreach (var peer in segment.Products)
            {
                if (peer == product || SnapshotFacts.Of(snapshot).NonProduct[peer]) continue;
                foreach (var m in makes.Neighbours(peer)) Add(m, 0.4, new Phrase("生产同一环节（{0}）的{1}", "makes {1} of the same segment ({0})", segment.Name, snapshot.Names[peer]));
            }
        return [.. evidence.Select(e => Candidate(snapshot, e.Key, e.Value.Score, e.Value.Lines))
            .OrderByDescending(c => c.Score).ThenByDescending(c => TagWeight(c.Tags)).ThenByDescending(c => c.Capacity ?? -1).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(options.Limit)];
    }

    static DomesticCandidate Candidate(GraphSnapshot snapshot, int m, double score, List<Phrase> lines)
    {
        var capacity = snapshot.Capacities[m];
        return new DomesticCandidate(snapshot.Ids[m], snapshot.Names[m], snapshot.Provinces[m], snapshot.Cities[m], double.IsNaN(capacity) ? null : capacity,
            snapshot.Tags[m], score, [.. lines.Take(3)]);
    }

    /// <summary>The gap analysis's tag weights: 链主 1, 单项冠军 0.8, 专精特新 0.6, 独角兽 0.5, 上市 0.2.</summary>
    static double TagWeight(IReadOnlyList<string> tags) => tags.Count == 0 ? 0 : tags.Max(t => t switch
    {
        "链主" => 1.0, "单项冠军" => 0.8, "专精特新" => 0.6, "独角兽" => 0.5, "上市" => 0.2, _ => 0,
    });
}
