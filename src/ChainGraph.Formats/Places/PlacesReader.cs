using ChainGraph.Formats.Csv;
using ChainGraph.Formats.Internal;
using ChainGraph.Model.Import;
using ChainGraph.Model.Regions;

namespace ChainGraph.Formats.Places;

/// <summary>
/// Reads places a user knows (a registered address, a plant site) from CSV, a file or a folder of
/// *.csv files, with a header naming <c>id</c> and any of <c>province</c>, <c>city</c>, <c>county</c>
/// and <c>source</c>. Each row places an enterprise that exists already, overriding the place derived
/// from its name: names are brought to the gazetteer's full ones (江苏 → 江苏省, 常州 → 常州市), a city
/// or county alone gives its province, placeSource becomes "file" and source is kept as placeNote.
/// </summary>
public sealed class PlacesReader(ChinaGazetteer? gazetteer = null) : IGraphReader
{
    static readonly string[] Columns = ["id", "province", "city", "county", "source"];

    ChinaGazetteer Gazetteer => gazetteer ?? ChinaGazetteer.Instance;

    public string Format => "places";

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var placed = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in GraphReaders.Files(path, ".csv"))
            ColumnCsv.Read(file, Columns, Required, (cell, at) => Row(cell, batch, placed, at), batch, cancellationToken);
    }

    static string? Required(IReadOnlySet<string> columns) =>
        !columns.Contains("id") ? $"the header has no 'id' column; expected {string.Join(", ", Columns)}."
        : !columns.Overlaps(["province", "city", "county"]) ? "the header names no place; expected at least one of province, city, county."
        : null;

    /// <summary>Places the row's enterprise; returns why the row cannot be used, or null.</summary>
    string? Row(Func<string, string> Cell, GraphBatch batch, Dictionary<string, SourceLocation> placed, SourceLocation at)
    {
        var id = Cell("id");
        if (id.Length == 0) return "field 'id' is missing or empty";
        if (placed.TryGetValue(id, out var first)) return $"field 'id': the enterprise is placed already at {first}; one place each. Got: '{id}'";
        var (provinceName, cityName, countyName) = (Cell("province"), Cell("city"), Cell("county"));
        if (provinceName.Length + cityName.Length + countyName.Length == 0) return "no place: province, city and county are all empty";

        AdminDivision? province = null, city = null, county = null;
        if (provinceName.Length > 0 && Match("province", provinceName, d => d.Level == DivisionLevel.Province,
                "a province (江苏 or 江苏省)", null, out province) is { } badProvince)
            return badProvince;
        if (cityName.Length > 0 && Match("city", cityName, d => IsCity(d) && (province is null || d.ProvinceCode == province.Code),
                "a prefecture-level city (常州 or 常州市)", province?.Name, out city) is { } badCity)
            return badCity;
        if (countyName.Length > 0 && Match("county", countyName, d => d.IsCountyLevel && Within(d, province, city),
                "a county, district or county-level city (武进 or 武进区)", city?.Name ?? province?.Name, out county) is { } badCounty)
            return badCounty;

        city ??= City(county) ?? City(province);
        province ??= Gazetteer.ByCode((city ?? county)!.ProvinceCode)!;
        EnterprisePlace.Set(batch, id, province, city, county, "file", Cell("source"), at);
        placed[id] = at;
        return null;
    }

    /// <summary>The one division a name means among those that fit; otherwise why not, naming the field and the value.</summary>
    string? Match(string field, string name, Func<AdminDivision, bool> fits, string expected, string? within, out AdminDivision? division)
    {
        var candidates = Gazetteer.ByName(name).Where(fits).ToList();
        division = candidates.Count == 1 ? candidates[0] : null;
        return candidates.Count switch
        {
            1 => null,
            0 => $"field '{field}': expected {expected}{(within is null ? "" : " of " + within)}. Got: '{name}'",
            _ => $"field '{field}': {candidates.Count} places have this name; give the {(field == "county" ? "city" : "province")} too. Got: '{name}'",
        };
    }

    /// <summary>A prefecture-level city, a county-level city the province administers, or a municipality (北京市 is its own city).</summary>
    static bool IsCity(AdminDivision d) => d.Level == DivisionLevel.City || (d.Level == DivisionLevel.Province && d.CityCode == d.Code);

    static bool Within(AdminDivision county, AdminDivision? province, AdminDivision? city) =>
        city is not null ? county.CityCode == city.Code : province is null || county.ProvinceCode == province.Code;

    AdminDivision? City(AdminDivision? division) => division?.CityCode is { } code ? Gazetteer.ByCode(code) : null;
}
