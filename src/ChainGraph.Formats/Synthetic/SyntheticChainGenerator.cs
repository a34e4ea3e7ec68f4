using System.Globalization;
using System.Text;
using ChainGraph.Model.Regions;

namespace ChainGraph.Formats.Synthetic;

/// <summary>
/// Writes a synthetic national chain graph as admin-import CSV, deterministic for a seed, to
/// measure the analyses at 10× and 100× the real data. Its shape follows real supply networks:
/// products in tiers (raw materials → parts → systems), inputs and makers chosen by preferential
/// attachment so degrees are heavy-tailed, enterprises spread over real cities with a few hubs (each in one of its city's counties),
/// a few foreign makers, tags, chain templates over the tiers, and deliberate single points of
/// failure: a handful of low-tier products with one maker each that many products depend on.
/// </summary>
public sealed class SyntheticChainGenerator(int enterprises, int seed)
{
    const int Tiers = 6;
    const int Chains = 8;
    static readonly string[] ForeignCountries = ["JP", "US", "KR", "DE"];
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    readonly Random random = new(seed);

    public int Products => Math.Max(Tiers * 4, enterprises);

    /// <summary>Writes the files and returns how many nodes and relationships they hold.</summary>
    public (long Nodes, long Relationships) Write(string folder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(enterprises, 10);
        Directory.CreateDirectory(folder);
        var cities = ChinaGazetteer.Instance.Divisions.Where(d => d.Level == DivisionLevel.City).ToArray();
        var tierOf = new int[Products];
        for (var p = 0; p < Products; p++) tierOf[p] = Math.Min(Tiers - 1, p * Tiers / Products);
        long nodes = 0, rels = 0;

        using (var w = Writer(folder, "nodes_Product.csv", "id:ID,:LABEL,name,tier:int"))
            for (var p = 0; p < Products; p++, nodes++) w.WriteLine($"P{p},Product,产品{p},{tierOf[p]}");

        var countiesOf = ChinaGazetteer.Instance.Divisions.Where(d => d.Level == DivisionLevel.County && d.CityCode is not null)
            .ToLookup(d => d.CityCode!, StringComparer.Ordinal);
        var placeOf = new AdminDivision[enterprises];
        using (var w = Writer(folder, "nodes_Enterprise.csv", "id:ID,:LABEL,name,country,province,city,county,tags:string[],size"))
        {
            for (var e = 0; e < enterprises; e++, nodes++)
            {
                var foreign = random.NextDouble() < 0.03;
                var city = cities[Zipf(cities.Length, 1.1)];
                var counties = countiesOf[city.Code].ToArray();
                var county = counties.Length > 0 ? counties[Zipf(counties.Length, 0.8)] : null;
                placeOf[e] = county ?? city;
                var province = ChinaGazetteer.Instance.ByCode(city.ProvinceCode)!;
                var tags = Tags(e);
                w.WriteLine(foreign
                    ? $"E{e},Enterprise,企业{e},{ForeignCountries[random.Next(ForeignCountries.Length)]},,,,{tags},{Size(e)}"
                    : $"E{e},Enterprise,企业{e},CN,{province.Name},{city.Name},{county?.Name},{tags},{Size(e)}");
            }
        }

        // Every region an enterprise is placed in, with the regions above it: county → city → province.
        var used = placeOf.Distinct().SelectMany(Above).Distinct().OrderBy(d => d.Code, StringComparer.Ordinal).ToArray();
        using (var w = Writer(folder, "nodes_Region.csv", "id:ID,:LABEL,name,level,code"))
        {
            foreach (var d in used)
            {
                w.WriteLine($"{d.RegionId},Region,{d.Name},{d.Level.ToString().ToLowerInvariant()},{d.Code}");
                nodes++;
            }
        }
        using (var w = Writer(folder, "rels_LOCATED_IN.csv", ":START_ID,:END_ID,:TYPE"))
        {
            foreach (var d in used.Where(d => d.Level != DivisionLevel.Province)) { w.WriteLine($"{d.RegionId},{Parent(d).RegionId},LOCATED_IN"); rels++; }
            for (var e = 0; e < enterprises; e++, rels++) w.WriteLine($"E{e},{placeOf[e].RegionId},LOCATED_IN");
        }

        rels += WriteInputs(folder, tierOf);
        var makers = new List<int>[Products];
        rels += WriteMakes(folder, tierOf, makers);
        rels += WriteSupplies(folder, tierOf, makers);
        var (chainNodes, chainRels) = WriteChains(folder, tierOf);
        return (nodes + chainNodes, rels + chainRels);
    }

    /// <summary>Each product above tier 0 takes 1–6 inputs from the tier below, popular inputs more likely; the first few of tier 0 feed many.</summary>
    long WriteInputs(string folder, int[] tierOf)
    {
        var tierStart = Enumerable.Range(0, Tiers + 1).Select(t => Array.FindIndex(tierOf, x => x >= t) is var i and >= 0 ? i : tierOf.Length).ToArray();
        long count = 0;
        using var w = Writer(folder, "rels_INPUT_TO.csv", ":START_ID,:END_ID,:TYPE");
        var bottlenecks = Math.Max(3, Products / 100_000);
        for (var p = tierStart[1]; p < Products; p++)
        {
            var below = tierStart[tierOf[p] - 1];
            var width = tierStart[tierOf[p]] - below;
            var inputs = new HashSet<int>();
            var k = 1 + Zipf(6, 1.5);
            while (inputs.Count < k) inputs.Add(below + Zipf(width, 0.9));
            // Deliberate single points of failure: some products hang on one bottleneck input only.
            if (tierOf[p] == 1 && random.NextDouble() < 0.02) inputs = [random.Next(bottlenecks)];
            foreach (var i in inputs) { w.WriteLine($"P{i},P{p},INPUT_TO"); count++; }
        }
        return count;
    }

    long WriteMakes(string folder, int[] tierOf, List<int>[] makers)
    {
        long count = 0;
        var bottlenecks = Math.Max(3, Products / 100_000);
        using var w = Writer(folder, "rels_MAKES.csv", ":START_ID,:END_ID,:TYPE,share:double,volume:double");
        for (var p = 0; p < bottlenecks; p++) makers[p] = [p % enterprises];
        for (var e = 0; e < enterprises; e++)
        {
            var k = 1 + Zipf(5, 1.2);
            for (var j = 0; j < k; j++)
            {
                var p = bottlenecks + Zipf(Products - bottlenecks, 0.8);
                (makers[p] ??= []).Add(e);
            }
        }
        for (var p = 0; p < Products; p++)
        {
            if (makers[p] is null) continue;
            makers[p] = [.. makers[p].Distinct()];
            foreach (var e in makers[p])
            {
                w.WriteLine(string.Create(Invariant, $"E{e},P{p},MAKES,{random.NextDouble():0.###},{1 + Zipf(1000, 1.0)}"));
                count++;
            }
        }
        return count;
    }

    /// <summary>Makers of a product supply one or two makers of a product it is an input of (approximated by the next tier).</summary>
    long WriteSupplies(string folder, int[] tierOf, List<int>[] makers)
    {
        long count = 0;
        var seen = new HashSet<(int, int)>();
        var withMakers = Enumerable.Range(0, Products).Where(p => makers[p] is not null).ToArray();
        using var w = Writer(folder, "rels_SUPPLIES.csv", ":START_ID,:END_ID,:TYPE,product,volume:double");
        foreach (var p in withMakers)
        {
            if (tierOf[p] == Tiers - 1) continue;
            foreach (var supplier in makers[p])
            {
                for (var j = 0; j < 1 + random.Next(2); j++)
                {
                    var downstream = withMakers[random.Next(withMakers.Length)];
                    var customer = makers[downstream][random.Next(makers[downstream].Count)];
                    if (customer == supplier || !seen.Add((supplier, customer))) continue;
                    w.WriteLine($"E{supplier},E{customer},SUPPLIES,P{p},{1 + random.Next(500)}");
                    count++;
                }
            }
        }
        return count;
    }

    (long Nodes, long Relationships) WriteChains(string folder, int[] tierOf)
    {
        long nodes = 0, rels = 0;
        using var chainsFile = Writer(folder, "nodes_Chain.csv", "id:ID,:LABEL,name");
        using var segmentsFile = Writer(folder, "nodes_Segment.csv", "id:ID,:LABEL,name,stage,order:int");
        using var relsFile = Writer(folder, "rels_chains.csv", ":START_ID,:END_ID,:TYPE");
        for (var c = 0; c < Chains; c++, nodes++)
        {
            chainsFile.WriteLine($"C{c},Chain,合成产业链{c}");
            for (var t = 0; t < Tiers; t++, nodes++)
            {
                var stage = t < 2 ? "upstream" : t < 4 ? "midstream" : "downstream";
                segmentsFile.WriteLine($"C{c}:S{t},Segment,环节{c}-{t},{stage},{t + 1}");
                relsFile.WriteLine($"C{c}:S{t},C{c},PART_OF");
                rels++;
                if (t > 0) { relsFile.WriteLine($"C{c}:S{t - 1},C{c}:S{t},FEEDS"); rels++; }
                var tierProducts = Enumerable.Range(0, Products).Where(p => tierOf[p] == t).ToArray();
                var picked = new HashSet<int>();
                while (picked.Count < Math.Min(20, tierProducts.Length)) picked.Add(tierProducts[random.Next(tierProducts.Length)]);
                foreach (var p in picked.Order()) relsFile.WriteLine($"P{p},C{c}:S{t},IN_SEGMENT");
                rels += picked.Count;
            }
        }
        return (nodes, rels);
    }

    string Tags(int e)
    {
        var tags = new List<string>();
        if (e < enterprises / 1000 + 1) tags.Add("链主");
        var roll = random.NextDouble();
        if (roll < 0.01) tags.Add("单项冠军");
        else if (roll < 0.06) tags.Add("专精特新");
        return string.Join(';', tags);
    }

    string Size(int e) => e < enterprises / 100 ? "large" : random.NextDouble() < 0.3 ? "medium" : "small";

    /// <summary>An index in [0, n) drawn with probability ∝ 1/(i+1)^s, by inverting the continuous approximation.</summary>
    int Zipf(int n, double s)
    {
        var u = random.NextDouble();
        var x = Math.Abs(s - 1) < 1e-9
            ? Math.Exp(u * Math.Log(n + 1)) - 1
            : Math.Pow(u * (Math.Pow(n + 1, 1 - s) - 1) + 1, 1 / (1 - s)) - 1;
        return Math.Clamp((int)x, 0, n - 1);
    }

    static AdminDivision Parent(AdminDivision d) =>
        ChinaGazetteer.Instance.ByCode(d.Level == DivisionLevel.County ? d.CityCode! : d.ProvinceCode)!;

    static IEnumerable<AdminDivision> Above(AdminDivision d)
    {
        for (var at = d; ; at = Parent(at))
        {
            yield return at;
            if (at.Level == DivisionLevel.Province) yield break;
        }
    }

    static StreamWriter Writer(string folder, string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(folder, name), append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.WriteLine(header);
        return writer;
    }
}
