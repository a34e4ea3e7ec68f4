using ChainGraph.Model.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Regions;

/// <summary>
/// A region a user names: a Chinese province or city by short or full name (常州, 常州市, 江苏),
/// or a country by ISO code (JP). Tells whether a node (enterprise, centre) lies in it.
/// </summary>
public sealed class RegionFilter
{
    RegionFilter(string name, string? province, string? city, string? country)
    {
        Name = name;
        Province = province;
        City = city;
        Country = country;
    }

    /// <summary>The official name: 常州市, 江苏省, or the country code.</summary>
    public string Name { get; }

    /// <summary>The province the region is or lies in; null for a country.</summary>
    public string? Province { get; }

    public string? City { get; }

    public string? Country { get; }

    /// <exception cref="NotFoundException">No such region; <paramref name="field"/> names the parameter that gave it.</exception>
    public static RegionFilter Parse(string name, string field = "region")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = name.Trim();
        if (ChinaGazetteer.Instance.FindRegion(text) is { } division)
        {
            var province = ChinaGazetteer.Instance.ByCode(division.ProvinceCode)!.Name;
            return division.Level == DivisionLevel.Province
                ? new RegionFilter(division.Name, province, null, null)
                : new RegionFilter(division.Name, province, division.Name, null);
        }
        if (text.Length == 2 && text.All(char.IsAsciiLetterUpper)) return new RegionFilter(text, null, null, text);
        throw new NotFoundException(field, name, $"Unknown region '{name}': expected a Chinese province or city (short or full name, e.g. 常州 or 江苏省) or an ISO country code (e.g. JP).");
    }

    public bool Contains(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Country is not null) return snapshot.Countries[node] == Country;
        return City is not null ? snapshot.Cities[node] == City : snapshot.Provinces[node] == Province;
    }

    /// <summary>
    /// True when the node's place is known well enough to say it lies outside: abroad, in another
    /// province, or in another city of the same province. False for a node of the region's province
    /// whose city is unknown (a city region) or a Chinese node with no province at all.
    /// </summary>
    public bool IsKnownOutside(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Contains(snapshot, node)) return false;
        if (Country is not null) return snapshot.Countries[node] is not null;
        if (snapshot.Countries[node] is { } country && country != "CN") return true;
        var province = snapshot.Provinces[node];
        if (province is null) return false;
        return province != Province || City is null || snapshot.Cities[node] is not null;
    }

    /// <summary>True when the node lies in the same province (for a city region) and so is near.</summary>
    public bool IsNear(GraphSnapshot snapshot, int node) =>
        Province is not null && City is not null && snapshot.Provinces[node] == Province;
}
