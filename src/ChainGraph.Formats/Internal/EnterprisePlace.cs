using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Regions;

namespace ChainGraph.Formats.Internal;

/// <summary>
/// How a reader sets where an enterprise is: the place properties as a whole (a part it leaves out
/// is removed, so an older place leaves no stale city behind) and one LOCATED_IN link, to the city
/// or else the province, that replaces any other: to the county when it is known (county → city →
/// province), else to the city, else to the province.
/// </summary>
internal static class EnterprisePlace
{
    static readonly string[] Keys = ["province", "city", "county", "placeSource", "placeNote"];

    /// <param name="source">How the place was found: name, bracket or file.</param>
    /// <param name="note">Where a file says it knows the place from (注册地址, 生产基地); may be null.</param>
    public static void Set(GraphBatch batch, string id, AdminDivision province, AdminDivision? city, AdminDivision? county,
        string source, string? note, SourceLocation at)
    {
        var properties = new Dictionary<string, object> { ["province"] = province.Name, ["placeSource"] = source };
        if (city is not null) properties["city"] = city.Name;
        if (county is not null) properties["county"] = county.Name;
        if (note is { Length: > 0 }) properties["placeNote"] = note;
        batch.UpdateNode(id, NodeLabel.Enterprise, properties, [.. Keys.Where(k => !properties.ContainsKey(k))], at);
        batch.ReplaceRelationships(id, RelType.LocatedIn);

        var place = province;
        foreach (var below in new[] { city, county })
        {
            if (below is null || below.Code == place.Code) continue;
            batch.AddRelationship(RelType.LocatedIn, Region(below), Region(place), [], at);
            place = below;
        }
        batch.AddRelationship(RelType.LocatedIn, new EndpointRef(id), Region(place), [], at);
    }

    /// <summary>A Region endpoint that carries what its node is made of, should no row define it.</summary>
    public static EndpointRef Region(AdminDivision division) => new(division.RegionId, NodeLabel.Region, RegionProperties(division));

    public static Dictionary<string, object> RegionProperties(AdminDivision division) => new()
    {
        ["name"] = division.Name, ["shortName"] = division.ShortName, ["code"] = division.Code,
        ["level"] = division.Level switch { DivisionLevel.Province => "province", DivisionLevel.City => "city", _ => "county" },
    };
}
