using ChainGraph.Formats.ChainKg;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// Fuzzes the chainkg reader: each of the eight ChainKnowledgeGraph files holds known-good rows
/// (stock codes 60xxxx, SW codes 71xxxx, names good-…) between mutated copies of rows about
/// other companies, industries and products (09xxxx, 29xxxx, bad-…).
/// </summary>
public sealed class ChainKgFuzzTests(ITestOutputHelper output) : IDisposable
{
    const int Cases = 7;
    const int MutatedPerGood = 3;

    // Registered-name prefixes and where the reader must place them (README: province, city and county from the registered name).
    static readonly (string Prefix, string? Province, string? City, string? County, string? LocatedIn, string? CityOf, string? Source)[] Places =
    [
        ("邵阳维克液压", "湖南省", "邵阳市", null, "CN-430500", "CN-430000", "name"),
        ("广东华特气体", "广东省", null, null, "CN-440000", null, "name"),
        ("北京朝阳", "北京市", "北京市", "朝阳区", "CN-110105", "CN-110000", "name"),
        ("嘉美食品包装（滁州）", "安徽省", "滁州市", null, "CN-341100", "CN-340000", "bracket"),
        ("常州", "江苏省", "常州市", null, "CN-320400", "CN-320000", "name"),
        ("中国石油化工", null, null, null, null, null, null),
    ];

    static readonly Dictionary<string, (string Name, string Short, string Level)> Regions = new()
    {
        ["430000"] = ("湖南省", "湖南", "province"), ["430500"] = ("邵阳市", "邵阳", "city"),
        ["440000"] = ("广东省", "广东", "province"), ["110000"] = ("北京市", "北京", "province"), ["110105"] = ("朝阳区", "朝阳", "county"),
        ["340000"] = ("安徽省", "安徽", "province"), ["341100"] = ("滁州市", "滁州", "city"),
        ["320000"] = ("江苏省", "江苏", "province"), ["320400"] = ("常州市", "常州", "city"),
    };

    static readonly string[] Exchanges = ["上海证券交易所", "深圳证券交易所", "北京证券交易所", ""];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedLinesInEachOfTheEightFiles_NeverThrowKeepEveryGoodRowAndAreRejectedByFileAndLine()
    {
        Fuzz.RunCases(output, folder.Path, new ChainKgReader(), Cases, firstSeed: 1001, FuzzSyntax.Json, WriteCase);
    }

    // Regressions: what the fuzzer found, one case each.

    [Fact]
    public void Read_ExchangeOrListingDateThatIsNotAString_IsRejectedNamingTheFieldInsteadOfThrowing()
    {
        var plan = ReadCompanies(
            """{"name":"甲","fullname":"常州甲股份有限公司","code":"600001","location":true,"time":"2020-01-01"}""",
            """{"name":"乙","fullname":"常州乙股份有限公司","code":"600002","location":"上海证券交易所","time":20200101}""",
            """{"name":"丙","fullname":"常州丙股份有限公司","code":"600003","location":null}""");

        Assert.Equal(
        [
            ("company.json", 1L, "field 'location': expected a string. Got: true"),
            ("company.json", 2L, "field 'time': expected a string. Got: 20200101"),
        ], plan.Rejected.Select(r => (r.File, r.Line, r.Reason)));
        var kept = Assert.Single(plan.Nodes, n => n.Label == NodeLabel.Enterprise);
        Assert.Equal(("600003", null), (kept.Id, kept.GetString("exchange")));
    }

    [Fact]
    public void Read_RegisteredNameOfAHundredThousandBrackets_IsImportedWithoutOverflowingTheStack()
    {
        var fullName = "中国" + new string('（', 100_000) + "有限公司";

        var plan = ReadCompanies($$"""{"name":"括号","fullname":"{{fullName}}","code":"600001"}""");

        Assert.Empty(plan.Rejected);
        var company = Assert.Single(plan.Nodes);
        Assert.Equal((fullName, null), (company.GetString("fullName"), company.GetString("province")));
    }

    ImportPlan ReadCompanies(params string[] lines)
    {
        foreach (var name in new[] { "industry.json", "product.json", "company_industry.json", "industry_industry.json", "industry_up.json", "company_product.json", "product_product.json" })
            folder.Write(name, "");
        folder.Write("company.json", string.Join('\n', lines));
        return Fuzz.Read(new ChainKgReader(), folder.Path, "regression");
    }


    static (List<FuzzFile> Files, GoodRows Good) WriteCase(string path, LineMutator mutator)
    {
        var random = mutator.Random;
        var good = new GoodRows();
        var goodWorld = new World("good", "60", "71", random);
        var badWorld = new World("bad", "09", "29", random);
        var files = new List<FuzzFile>();
        foreach (var (name, count) in new[]
        {
            ("company.json", 700), ("industry.json", 300), ("product.json", 600), ("company_industry.json", 700),
            ("industry_industry.json", 250), ("industry_up.json", 250), ("company_product.json", 1200), ("product_product.json", 1200),
        })
        {
            var file = new FuzzFile(name, LineBreaks.LineFeed, random);
            files.Add(file);
            var goodRows = goodWorld.Rows(name, count);
            var badRows = badWorld.Rows(name, count * MutatedPerGood);
            FuzzFile.Interleave(() => file, 50, goodRows, badRows, mutator, good, random);
            file.Write(path);
        }
        return (files, good);
    }

    /// <summary>The rows of one world of companies, industries and products, and what each good one must give.</summary>
    sealed class World(string prefix, string stockPrefix, string industryPrefix, Random random)
    {
        readonly List<(string Code, string Name)> companies = [];
        readonly List<(string Code, string Name)> industries = [];
        readonly List<string> products = [];
        readonly HashSet<(RelType, string, string)> keys = [];

        public List<(byte[] Bytes, RowExpectation Expect)> Rows(string file, int count)
        {
            var rows = new List<(byte[], RowExpectation)>(count);
            for (var n = 0; rows.Count < count && n < count * 4; n++)
            {
                var row = file switch
                {
                    "company.json" => Company(n),
                    "industry.json" => Industry(n),
                    "product.json" => Product(n),
                    "company_industry.json" => CompanyIndustry(),
                    "industry_industry.json" => IndustryParent(),
                    "industry_up.json" => IndustryUp(n),
                    "company_product.json" => CompanyProduct(n),
                    _ => ProductProduct(n),
                };
                if (row is { } r) rows.Add(r);
            }
            return rows;
        }

        static byte[] Row(params (string Key, object? Value)[] fields) => Fuzz.Json(w =>
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                w.WritePropertyName(key);
                switch (value)
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case double d: w.WriteNumberValue(d); break;
                    case long l: w.WriteNumberValue(l); break;
                    case Dictionary<string, long> counts:
                        w.WriteStartObject();
                        foreach (var (name, count) in counts) w.WriteNumber(name, count);
                        w.WriteEndObject();
                        break;
                }
            }
            w.WriteEndObject();
        });

        string StockCode(string code) => random.Next(4) switch
        {
            0 => code + random.Pick([".SH", ".SZ", ".BJ", ".sh"]),
            _ => code,
        };

        (byte[], RowExpectation) Company(int n)
        {
            var code = $"{stockPrefix}{n:D4}";
            var name = $"{prefix}-{n}";
            var place = random.Pick(Places);
            var fullName = $"{place.Prefix}{prefix}{n}股份有限公司";
            var exchange = random.Pick(Exchanges);
            var listed = random.Next(3) == 0 ? "" : $"20{n % 25:D2}-0{1 + n % 9}-1{n % 10}";
            companies.Add((code, name));
            var bytes = Row(("name", name), ("fullname", fullName), ("code", StockCode(code)), ("location", exchange), ("time", listed));
            return (bytes, (good, file, row) =>
            {
                var properties = new Dictionary<string, object>
                {
                    ["name"] = name, ["fullName"] = fullName, ["code"] = code, ["country"] = "CN", ["tags"] = new[] { "上市" },
                };
                if (exchange.Length > 0) properties["exchange"] = exchange;
                if (listed.Length > 0) properties["listedOn"] = listed;
                if (place.Province is { } province) properties["province"] = province;
                if (place.City is { } city) properties["city"] = city;
                if (place.County is { } county) properties["county"] = county;
                if (place.Source is { } source) properties["placeSource"] = source;
                good.Node(code, NodeLabel.Enterprise, properties, file, row);
                if (place.LocatedIn is not { } region) return;
                good.Relationship(RelType.LocatedIn, code, region, NoProperties, file, row);
                ExpectRegion(good, region, file, row);
                if (place.CityOf is { } provinceId)
                {
                    ExpectRegion(good, provinceId, file, row);
                    if (!good.HasRelationship(RelType.LocatedIn, region, provinceId))
                        good.Relationship(RelType.LocatedIn, region, provinceId, NoProperties, file, row);
                }
            });
        }

        static void ExpectRegion(GoodRows good, string id, FuzzFile file, int row)
        {
            if (good.HasNode(id)) return;
            var (name, shortName, level) = Regions[id["CN-".Length..]];
            good.Node(id, NodeLabel.Region, new Dictionary<string, object>
            {
                ["name"] = name, ["shortName"] = shortName, ["code"] = id["CN-".Length..], ["level"] = level,
            }, file, row);
        }

        (byte[], RowExpectation) Industry(int n)
        {
            // 710000 is a level-1 code, 71xx00 level 2, the rest level 3; unique for n below 1,000.
            var code = $"{industryPrefix}{n / 10 % 100:D2}{n % 10:D2}";
            var name = $"{prefix}-industry-{n}";
            industries.Add((code, name));
            var level = code.EndsWith("0000", StringComparison.Ordinal) ? 1L : code.EndsWith("00", StringComparison.Ordinal) ? 2L : 3L;
            return (Row(("code", code), ("name", name)), (good, file, row) =>
                good.Node("SW" + code, NodeLabel.Industry, new Dictionary<string, object> { ["name"] = name, ["code"] = code, ["level"] = level }, file, row));
        }

        (byte[], RowExpectation) Product(int n)
        {
            var name = n % 7 == 0 ? $"{prefix}-product-{n} \"特种\" 气体\\" : $"{prefix}-product-{n}";
            products.Add(name);
            return (Row(("name", name)), (good, file, row) =>
                good.Node(name, NodeLabel.Product, new Dictionary<string, object> { ["name"] = name }, file, row));
        }

        (byte[], RowExpectation)? CompanyIndustry()
        {
            var (code, name) = random.Pick(companies);
            var (industryCode, industryName) = random.Pick(industries);
            if (!keys.Add((RelType.InIndustry, code, "SW" + industryCode))) return null;
            var bytes = Row(("company_code", StockCode(code)), ("industry_code", industryCode), ("industry_name", industryName),
                ("company_name", name), ("rel", "所属行业"));
            return (bytes, (good, file, row) => good.Relationship(RelType.InIndustry, code, "SW" + industryCode, NoProperties, file, row));
        }

        (byte[], RowExpectation)? IndustryParent()
        {
            var (childCode, childName) = random.Pick(industries);
            var (parentCode, parentName) = random.Pick(industries);
            if (childCode == parentCode || !keys.Add((RelType.Parent, "SW" + childCode, "SW" + parentCode))) return null;
            var bytes = Row(("from_code", childCode), ("from_industry", childName), ("rel", "上级行业"), ("to_industry", parentName), ("to_code", parentCode));
            return (bytes, (good, file, row) => good.Relationship(RelType.Parent, "SW" + childCode, "SW" + parentCode, NoProperties, file, row));
        }

        (byte[], RowExpectation)? IndustryUp(int n)
        {
            var (downCode, downName) = random.Pick(industries);
            var ups = new Dictionary<string, long>();
            var expected = new List<(string Id, string Name, long Count)>();
            var count = 1 + random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var listed = random.Pick(industries);
                var (upId, upName) = random.Next(5) == 0
                    ? ($"SW:{prefix}-unlisted-{n}-{i}", $"{prefix}-unlisted-{n}-{i}")
                    : ("SW" + listed.Code, listed.Name);
                if (upId == "SW" + downCode || ups.ContainsKey(upName) || !keys.Add((RelType.UpstreamOf, upId, "SW" + downCode))) continue;
                ups[upName] = 1 + random.Next(40);
                expected.Add((upId, upName, ups[upName]));
            }
            if (ups.Count == 0) return null;
            return (Row(("industry", downName), ("ups", ups)), (good, file, row) =>
            {
                foreach (var (id, name, count) in expected)
                {
                    good.Relationship(RelType.UpstreamOf, id, "SW" + downCode, new Dictionary<string, object> { ["weight"] = (double)count }, file, row);
                    if (id.StartsWith("SW:", StringComparison.Ordinal))
                        good.Node(id, NodeLabel.Industry, new Dictionary<string, object> { ["name"] = name }, file, row);
                }
            });
        }

        (byte[], RowExpectation)? CompanyProduct(int n)
        {
            var (code, name) = random.Pick(companies);
            var created = random.Next(4) == 0;
            var product = created ? $"{prefix}-made-{n}" : random.Pick(products);
            if (!keys.Add((RelType.Makes, code, product))) return null;
            double? share = random.Next(3) switch { 0 => null, 1 => (n % 1000 + 1) / 1024.0, _ => n % 5 };
            var bytes = Row(("company_name", name), ("company_code", StockCode(code)), ("product_name", product), ("rel", "主营产品"),
                ("rel_weight", share));
            return (bytes, (good, file, row) =>
            {
                var properties = share is { } s ? new Dictionary<string, object> { ["share"] = s } : NoProperties;
                good.Relationship(RelType.Makes, code, product, properties, file, row);
                if (created) good.Node(product, NodeLabel.Product, new Dictionary<string, object> { ["name"] = product }, file, row);
            });
        }

        (byte[], RowExpectation)? ProductProduct(int n)
        {
            var from = random.Pick(products);
            var created = random.Next(4) == 0;
            var to = created ? $"{prefix}-related-{n}" : random.Pick(products);
            var rel = random.Pick(["上游材料", "下游产品", "产品小类"]);
            var (type, start, end) = rel switch
            {
                "上游材料" => (RelType.InputTo, to, from),
                "下游产品" => (RelType.InputTo, from, to),
                _ => (RelType.SubtypeOf, to, from),
            };
            if (from == to || !keys.Add((type, start, end))) return null;
            return (Row(("from_entity", from), ("to_entity", to), ("rel", rel)), (good, file, row) =>
            {
                good.Relationship(type, start, end, NoProperties, file, row);
                if (created) good.Node(to, NodeLabel.Product, new Dictionary<string, object> { ["name"] = to }, file, row);
            });
        }
    }

    static readonly Dictionary<string, object> NoProperties = [];
}
