using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Countries;

/// <summary>
/// Foreign dependence by country. A product's supply is split over its makers' countries, by MAKES
/// volume when every maker has one, else by capacity when every maker has one, else evenly; makers
/// of unknown country form their own part. A segment's and a chain's split is the mean over their
/// products with known makers (products in different units weigh the same). For a chain and for the
/// whole scope, the foreign countries are ranked by that mean share, then by the products they lead.
/// Without a maker abroad anywhere in the data the split is all domestic and says so: foreign
/// dependence is then unknown, not zero. O(Σ makers of the products in scope + products × countries).
/// </summary>
public static class CountryDependenceAnalysis
{
    const double Majority = 0.5;

    /// <summary>One product's split by country.</summary>
    /// <exception cref="NotFoundException">The node is not a Product.</exception>
    public static CountryReport ForProduct(GraphSnapshot snapshot, int product)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Labels[product] != NodeLabel.Product)
            throw NotFoundException.NotA("product", snapshot.Ids[product], snapshot.Labels[product], new Phrase("产品", "a Product"));
        var names = new CountryNames(snapshot);
        var figures = Of(snapshot, product, names) is { } f ? new[] { f } : [];
        return Report(snapshot, snapshot.Ids[product], figures, figures.Length, [], Dependence(figures, names));
    }

    /// <summary>The split for the chains' products, segments and chains; <paramref name="top"/> limits the product list, most foreign-dependent first.</summary>
    public static CountryReport ForChains(GraphSnapshot snapshot, IReadOnlyList<ResolvedChain> chains, string scope, int top = 50)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chains);
        var names = new CountryNames(snapshot);
        var facts = SnapshotFacts.Of(snapshot);
        var byProduct = new Dictionary<int, ProductCountries>();
        ProductCountries? Figures(int p)
        {
            if (facts.NonProduct[p]) return null;
            if (!byProduct.TryGetValue(p, out var f) && Of(snapshot, p, names) is { } made) byProduct[p] = f = made;
            return f;
        }
        var chainFigures = chains.Select(c =>
        {
            var segments = c.Segments.Select(s =>
            {
                var products = s.Products.Select(Figures).OfType<ProductCountries>().ToList();
                var split = Mean(products, names);
                return new SegmentCountries(s.Id, s.Name, s.Stage, products.Count, split, Foreign(split),
                    split.FirstOrDefault(x => x.Country != "CN")?.Country);
            }).ToList();
            var all = c.Segments.SelectMany(s => s.Products).Distinct().Select(Figures).OfType<ProductCountries>().ToList();
            return new ChainCountries(c.Id, c.Name, all.Count, Foreign(Mean(all, names)), Dependence(all, names), segments);
        }).ToList();
        var listed = byProduct.Values.OrderByDescending(p => p.ForeignShare).ThenByDescending(p => p.UnknownShare).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(top).ToList();
        return Report(snapshot, scope, listed, byProduct.Count, chainFigures, Dependence([.. byProduct.Values], names));
    }

    static CountryReport Report(GraphSnapshot snapshot, string scope, IReadOnlyList<ProductCountries> products, int total, IReadOnlyList<ChainCountries> chains,
        IReadOnlyList<CountryDependence> countries)
    {
        var coverage = SnapshotFacts.Of(snapshot).Coverage;
        var unknown = products.Count(p => p.UnknownShare > 0);
        var note = !coverage.ForeignKnown
            ? new Phrase("数据中没有境外生产企业（如只含上市公司的数据）：已知国别均为国内，对外依存无法判断（并非为零）",
                "the data holds no maker abroad (as data of listed companies only): every known country is China, so foreign dependence cannot be told (it is not zero)")
            : unknown == 0 ? Basis
            : new Phrase("{0}；{1} 个产品有国别未知的生产企业，其份额单列（unknownShare）", "{0}; {1} products have makers of unknown country, whose share is listed apart (unknownShare)",
                Basis, unknown);
        return new CountryReport(scope, coverage.ForeignKnown, note, products, total, chains, countries) { Coverage = coverage };
    }

    static readonly Phrase Basis = new("按生产企业所在国计算供给份额：各家都有产量时按产量，否则都有产能时按产能，否则按企业数平均",
        "supply shares by the makers' countries: by volume where every maker has one, else by capacity where every maker has one, else evenly per maker");

    static ProductCountries? Of(GraphSnapshot snapshot, int product, CountryNames names)
    {
        var makers = AlternativesAnalysis.Makers(snapshot, product, out var basis);
        if (makers.Count == 0) return null;
        var split = makers.Where(m => m.Country is not null).GroupBy(m => m.Country!, StringComparer.Ordinal)
            .Select(g => new CountryShare(g.Key, names[g.Key], Math.Round(g.Sum(m => m.Share), 4), g.Count()))
            .OrderByDescending(c => c.Share).ThenBy(c => c.Country, StringComparer.Ordinal).ToList();
        var unknown = makers.Where(m => m.Country is null).Sum(m => m.Share);
        return new ProductCountries(snapshot.Ids[product], snapshot.Names[product], makers.Count, basis, split, Foreign(split), Math.Round(unknown, 4));
    }

    /// <summary>The mean split over products; a country's makers are summed.</summary>
    static List<CountryShare> Mean(IReadOnlyCollection<ProductCountries> products, CountryNames names)
    {
        if (products.Count == 0) return [];
        return [.. products.SelectMany(p => p.Countries).GroupBy(c => c.Country, StringComparer.Ordinal)
            .Select(g => new CountryShare(g.Key, names[g.Key], Math.Round(g.Sum(c => c.Share) / products.Count, 4), g.Sum(c => c.Makers)))
            .OrderByDescending(c => c.Share).ThenBy(c => c.Country, StringComparer.Ordinal)];
    }

    static double Foreign(IEnumerable<CountryShare> split) => Math.Round(split.Where(c => c.Country != "CN").Sum(c => c.Share), 4);

    /// <summary>The foreign countries the products depend on, most first: mean share, then the products they lead (hold the largest share of, ties included), then the code.</summary>
    static List<CountryDependence> Dependence(IReadOnlyCollection<ProductCountries> products, CountryNames names)
    {
        if (products.Count == 0) return [];
        return [.. products.SelectMany(p => p.Countries.Select(c => (Product: p, Share: c, Leads: c.Share >= p.Countries[0].Share - 1e-9))).Where(x => x.Share.Country != "CN")
            .GroupBy(x => x.Share.Country, StringComparer.Ordinal)
            .Select(g => new CountryDependence(g.Key, names[g.Key], Math.Round(g.Sum(x => x.Share.Share) / products.Count, 4), g.Count(), g.Count(x => x.Leads),
                g.Count(x => x.Share.Share >= Majority), [.. g.Where(x => x.Share.Share >= Majority).Select(x => x.Product.Name).Order(StringComparer.Ordinal).Take(10)]))
            .OrderByDescending(d => d.Share).ThenByDescending(d => d.Leads).ThenBy(d => d.Country, StringComparer.Ordinal)];
    }

    /// <summary>A country code's name from its Region node (the demo's 德意志联邦共和国 for DE), else null.</summary>
    sealed class CountryNames(GraphSnapshot snapshot)
    {
        readonly Dictionary<string, string?> names = new(StringComparer.Ordinal);

        public string? this[string code]
        {
            get
            {
                if (names.TryGetValue(code, out var name)) return name;
                name = snapshot.TryGetIndex(code, out var v) && snapshot.Labels[v] == NodeLabel.Region ? snapshot.Names[v] : null;
                names[code] = name;
                return name;
            }
        }
    }
}
