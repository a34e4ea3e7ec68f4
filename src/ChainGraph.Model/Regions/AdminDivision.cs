namespace ChainGraph.Model.Regions;

public enum DivisionLevel
{
    Province,
    City,
    County,
}

/// <summary>
/// One entry of the Chinese administrative-division gazetteer. <see cref="CityCode"/> is the
/// prefecture-level city a county lies in; for Beijing, Tianjin, Shanghai and Chongqing the
/// municipality itself, and for counties the province administers directly, the county.
/// </summary>
public sealed record AdminDivision(string Code, DivisionLevel Level, string Name, string ShortName, string ProvinceCode, string? CityCode)
{
    /// <summary>The region node id used across the graph: "CN-" and the 6-digit code.</summary>
    public string RegionId => "CN-" + Code;
}

/// <summary>Where an enterprise is: its province and, when known, its prefecture-level city.</summary>
public sealed record RegionMatch(AdminDivision Province, AdminDivision? City);
