using System.Text.RegularExpressions;
using ChainGraph.Formats.Internal;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Regions;

namespace ChainGraph.Formats.ChainKg;

/// <summary>
/// Reads the ChainKnowledgeGraph layout: a folder of JSON Lines files about China's listed
/// companies, their SW industries and products. Ids: Enterprise = 6-digit stock code, Industry =
/// "SW" + SW code ("SW:" + name for an industry known only by name), Product = its name.
/// Province and city come from the registered name; Regions are linked with LOCATED_IN.
/// Rows sharing a stock code are one company, renamed over time (骅威文化 → 鼎龙文化), when they
/// share its listing date; a row listed on another date is another company filed under a wrong
/// code: a conflict, left out with the relation rows that name it.
/// </summary>
public sealed partial class ChainKgReader(RegionResolver? resolver = null) : IGraphReader
{
    /// <summary>The files a ChainKnowledgeGraph folder holds, every one of them read.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["company.json", "industry.json", "product.json", "company_industry.json", "industry_industry.json",
         "industry_up.json", "company_product.json", "product_product.json"];

    /// <summary>
    /// How much of a registered name is searched for its place, which comes early: a 100 kB field
    /// would otherwise be searched for place names at every position.
    /// </summary>
    const int PlaceSearchLength = 100;

    RegionResolver Regions => resolver ?? RegionResolver.Default;

    public string Format => "chainkg";

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var missing = Files.Where(f => !File.Exists(System.IO.Path.Combine(path, f))).ToList();
        if (missing.Count > 0)
            throw new FormatException($"'{path}' is not a ChainKnowledgeGraph folder: {string.Join(", ", missing)} not found.");

        var industryIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var listings = new Dictionary<string, Listing>(StringComparer.Ordinal);
        var locations = new Dictionary<string, (RegionMatch Region, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var row in Rows(path, "company.json", batch, cancellationToken)) Company(row, batch, listings, locations);
        var regionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, (region, at)) in locations) Locate(batch, code, region, at, regionIds);
        foreach (var row in Rows(path, "industry.json", batch, cancellationToken)) Industry(row, batch, industryIds);
        foreach (var row in Rows(path, "product.json", batch, cancellationToken))
        {
            var name = row.Text("name");
            if (Accept(row, batch)) batch.AddNode(name, NodeLabel.Product, Named(name), row.At);
        }
        foreach (var row in Rows(path, "company_industry.json", batch, cancellationToken)) CompanyIndustry(row, batch, listings);
        foreach (var row in Rows(path, "industry_industry.json", batch, cancellationToken)) IndustryParent(row, batch);
        foreach (var row in Rows(path, "industry_up.json", batch, cancellationToken)) IndustryUp(row, batch, industryIds);
        foreach (var row in Rows(path, "company_product.json", batch, cancellationToken)) CompanyProduct(row, batch, listings);
        foreach (var row in Rows(path, "product_product.json", batch, cancellationToken)) ProductProduct(row, batch);
    }

    static IEnumerable<JsonRow> Rows(string folder, string file, GraphBatch batch, CancellationToken cancellationToken)
    {
        foreach (var row in JsonLinesFile.Read(System.IO.Path.Combine(folder, file), batch, file))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    void Company(JsonRow row, GraphBatch batch, Dictionary<string, Listing> listings, Dictionary<string, (RegionMatch, SourceLocation)> locations)
    {
        var code = StockCode(row, "code");
        var name = row.Text("name");
        var fullName = row.Text("fullname");
        var exchange = row.OptionalText("location");
        var listed = row.OptionalText("time");
        if (!Accept(row, batch)) return;
        if (!listings.TryGetValue(code, out var listing)) listings[code] = listing = new Listing(name, fullName, listed);
        else if (listing.IsAnother(listed))
        {
            batch.Conflict(row.At, code, listing.FullName, fullName);
            listing.Others.Add(name);
            return;
        }
        listing.Names.Add(name);
        var properties = new Dictionary<string, object>
        {
            ["name"] = name, ["fullName"] = fullName, ["code"] = code, ["country"] = "CN", ["tags"] = new[] { "上市" },
        };
        if (exchange is { Length: > 0 }) properties["exchange"] = exchange;
        if (listed is { Length: > 0 }) properties["listedOn"] = listed;
        batch.AddNode(code, NodeLabel.Enterprise, properties, row.At);
        if (Regions.Resolve(fullName.Length > PlaceSearchLength ? fullName[..PlaceSearchLength] : fullName) is { } region)
            locations[code] = (region, row.At);
    }

    /// <summary>Places an enterprise once its rows have merged, the whole place from one name: the last registered name with a place.</summary>
    static void Locate(GraphBatch batch, string code, RegionMatch region, SourceLocation at, HashSet<string> regionIds)
    {
        AddRegion(batch, region.Province, at, regionIds);
        if (region.City is { } city) AddRegion(batch, city, at, regionIds);
        if (region.County is { } county) AddRegion(batch, county, at, regionIds);
        EnterprisePlace.Set(batch, code, region.Province, region.City, region.County, region.FromBrackets ? "bracket" : "name", note: null, at);
    }

    /// <summary>Adds a region node the first time it is met.</summary>
    static void AddRegion(GraphBatch batch, AdminDivision division, SourceLocation at, HashSet<string> regionIds)
    {
        if (regionIds.Add(division.RegionId)) batch.AddNode(division.RegionId, NodeLabel.Region, EnterprisePlace.RegionProperties(division), at);
    }

    /// <summary>
    /// A relation row of a company filed under another's stock code: its company name is one of the
    /// conflicting rows' and none of the kept ones'. Reported as a conflict and not attached.
    /// </summary>
    static bool NamesAnother(JsonRow row, GraphBatch batch, Dictionary<string, Listing> listings, EndpointRef company)
    {
        var name = (string)company.Properties!["name"];
        if (!listings.TryGetValue(company.Id, out var listing) || listing.Names.Contains(name) || !listing.Others.Contains(name)) return false;
        batch.Conflict(row.At, company.Id, listing.Name, name);
        return true;
    }

    static void Industry(JsonRow row, GraphBatch batch, Dictionary<string, string> industryIds)
    {
        var code = row.Text("code");
        var name = row.Text("name");
        if (!Accept(row, batch)) return;
        var level = code.EndsWith("0000", StringComparison.Ordinal) ? 1L : code.EndsWith("00", StringComparison.Ordinal) ? 2L : 3L;
        industryIds[name] = "SW" + code;
        batch.AddNode("SW" + code, NodeLabel.Industry, new() { ["name"] = name, ["code"] = code, ["level"] = level }, row.At);
    }

    static void CompanyIndustry(JsonRow row, GraphBatch batch, Dictionary<string, Listing> listings)
    {
        var company = CompanyEnd(row, "company_code", "company_name");
        var industry = IndustryEnd(row, "industry_code", "industry_name");
        if (Accept(row, batch) && !NamesAnother(row, batch, listings, company)) batch.AddRelationship(RelType.InIndustry, company, industry, [], row.At);
    }

    static void IndustryParent(JsonRow row, GraphBatch batch)
    {
        var child = IndustryEnd(row, "from_code", "from_industry");
        var parent = IndustryEnd(row, "to_code", "to_industry");
        if (Accept(row, batch)) batch.AddRelationship(RelType.Parent, child, parent, [], row.At);
    }

    static void IndustryUp(JsonRow row, GraphBatch batch, Dictionary<string, string> industryIds)
    {
        var name = row.Text("industry");
        if (!row.Root.TryGetProperty("ups", out var ups) || ups.ValueKind != System.Text.Json.JsonValueKind.Object)
            row.Fail("field 'ups': expected an object of industry name → count", 0);
        if (!Accept(row, batch)) return;
        var downstream = IndustryByName(name, industryIds);
        foreach (var up in ups.EnumerateObject())
        {
            if (up.Value.ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                batch.Reject(row.At, $"field 'ups.{up.Name}': expected a number. Got: {up.Value.GetRawText()}");
                continue;
            }
            batch.AddRelationship(RelType.UpstreamOf, IndustryByName(up.Name, industryIds), downstream,
                new() { ["weight"] = up.Value.GetDouble() }, row.At);
        }
    }

    static void CompanyProduct(JsonRow row, GraphBatch batch, Dictionary<string, Listing> listings)
    {
        var company = CompanyEnd(row, "company_code", "company_name");
        var product = row.Text("product_name");
        var share = row.Number("rel_weight");
        if (!Accept(row, batch) || NamesAnother(row, batch, listings, company)) return;
        var properties = new Dictionary<string, object>();
        if (share is { } s) properties["share"] = s;
        batch.AddRelationship(RelType.Makes, company, ProductEnd(product), properties, row.At);
    }

    static void ProductProduct(JsonRow row, GraphBatch batch)
    {
        var from = row.Text("from_entity");
        var to = row.Text("to_entity");
        var rel = row.Text("rel");
        if (!Accept(row, batch)) return;
        switch (rel)
        {
            case "上游材料": batch.AddRelationship(RelType.InputTo, ProductEnd(to), ProductEnd(from), [], row.At); break;
            case "下游产品": batch.AddRelationship(RelType.InputTo, ProductEnd(from), ProductEnd(to), [], row.At); break;
            case "产品小类": batch.AddRelationship(RelType.SubtypeOf, ProductEnd(to), ProductEnd(from), [], row.At); break;
            default: batch.Reject(row.At, $"field 'rel': expected 上游材料, 下游产品 or 产品小类. Got: '{rel}'"); break;
        }
    }

    static EndpointRef CompanyEnd(JsonRow row, string codeField, string nameField)
    {
        var code = StockCode(row, codeField);
        return new(code, NodeLabel.Enterprise, new Dictionary<string, object>
        {
            ["name"] = row.Text(nameField), ["code"] = code, ["country"] = "CN", ["tags"] = new[] { "上市" },
        });
    }

    static EndpointRef IndustryEnd(JsonRow row, string codeField, string nameField)
    {
        var code = row.Text(codeField);
        return new("SW" + code, NodeLabel.Industry, new Dictionary<string, object> { ["name"] = row.Text(nameField), ["code"] = code });
    }

    static EndpointRef IndustryByName(string name, Dictionary<string, string> industryIds) =>
        new(industryIds.GetValueOrDefault(name) ?? "SW:" + name, NodeLabel.Industry, Named(name));

    static EndpointRef ProductEnd(string name) => new(name, NodeLabel.Product, Named(name));

    static Dictionary<string, object> Named(string name) => new() { ["name"] = name };

    /// <summary>The 6 digits of a stock code written either bare or with its exchange suffix (688268.SH).</summary>
    static string StockCode(JsonRow row, string field)
    {
        var text = row.Text(field);
        var match = StockCodePattern().Match(text);
        return match.Success ? match.Groups[1].Value
            : row.Fail($"field '{field}': expected a 6-digit stock code. Got: '{text}'", text);
    }

    static bool Accept(JsonRow row, GraphBatch batch)
    {
        if (row.Error is null) return true;
        batch.Reject(row.At, row.Error);
        return false;
    }

    /// <summary>The company a stock code was first given to, the short names of its rows and those of other companies filed under it.</summary>
    sealed class Listing(string name, string fullName, string? listedOn)
    {
        public string Name => name;

        public string FullName => fullName;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Others { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// True for a row listed on another date: a listed company keeps its date through renames. A row
        /// without a date says nothing, and the first date met is the company's.
        /// </summary>
        public bool IsAnother(string? listed)
        {
            if (string.IsNullOrEmpty(listedOn)) listedOn = listed;
            return !string.IsNullOrEmpty(listed) && listed != listedOn;
        }
    }

    [GeneratedRegex(@"^(\d{6})(\.(SH|SZ|BJ))?$", RegexOptions.IgnoreCase)]
    private static partial Regex StockCodePattern();
}
