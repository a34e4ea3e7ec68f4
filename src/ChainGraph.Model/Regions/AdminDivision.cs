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

    /// <summary>
    /// A county, district or county-level city, including those a province administers directly
    /// (codes xx90xx: 东方市, 仙桃市), which the gazetteer lists at city level.
    /// </summary>
    public bool IsCountyLevel => Level == DivisionLevel.County || (Level == DivisionLevel.City && Code.AsSpan(2, 2).SequenceEqual("90"));
}

/// <summary>Where an enterprise is: its province and, when known, its prefecture-level city and its county.</summary>
/// <param name="FromBrackets">True when the place came from brackets in the name (嘉美食品包装（滁州）…), not its start.</param>
public sealed record RegionMatch(AdminDivision Province, AdminDivision? City, bool FromBrackets = false)
{
    /// <summary>The county, district or development zone the name gives (常熟市…, 江苏江阴…, 苏州工业园区…); null when it gives none.</summary>
    public AdminDivision? County { get; init; }
}
