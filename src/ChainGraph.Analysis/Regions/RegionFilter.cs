using ChainGraph.Model;
using ChainGraph.Model.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Regions;

/// <summary>
/// A region a user names: a Chinese province, city or county, development zones included (常州,
/// 江苏省, 溧阳, 苏州工业园区, 南京鼓楼, or a division code such as 320481), a cluster (id or name),
/// or a country by ISO code (JP). Tells whether a node (enterprise, centre) lies in it.
/// </summary>
/// <remarks>
/// Provinces and cities are read from the nodes' own columns. A county holds what is
/// <c>LOCATED_IN</c> it, directly or through a region within it; a cluster holds its
/// <c>MEMBER_OF</c> enterprises and the innovation centres of the cities it is located in.
/// </remarks>
public sealed class RegionFilter
{
    readonly string? nodeId;
    readonly IReadOnlySet<string> clusterCities;
    readonly Func<string, bool> isNode;

    RegionFilter(RegionKind kind, string name, string? code, string? province, string? city, string? country, string? nodeId = null,
        IReadOnlySet<string>? clusterCities = null)
    {
        Kind = kind;
        Name = name;
        Code = code;
        Province = province;
        City = city;
        Country = country;
        this.nodeId = nodeId;
        this.clusterCities = clusterCities ?? new HashSet<string>();
        isNode = id => id == nodeId;
    }

    public RegionKind Kind { get; }

    /// <summary>The official name: 江苏省, 常州市, 常州市溧阳市 (a county after its city), a cluster's name, or the country code.</summary>
    public string Name { get; }

    /// <summary>The division code (320481) of a Chinese division; a cluster's id; null for a country.</summary>
    public string? Code { get; }

    /// <summary>The province the region is or lies in; null for a country or a cluster.</summary>
    public string? Province { get; }

    /// <summary>The city the region is or lies in; null for a province, a country or a cluster.</summary>
    public string? City { get; }

    public string? Country { get; }

    /// <summary>A Chinese division or a country by name or code; clusters need the graph (<see cref="Resolve"/>).</summary>
    /// <exception cref="NotFoundException">No such region; <paramref name="field"/> names the parameter that gave it.</exception>
    /// <exception cref="InvalidRequestException">The name is shared by several divisions: the message lists them.</exception>
    public static RegionFilter Parse(string name, string field = "region")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = name.Trim();
        var found = ChinaGazetteer.Instance.Lookup(text);
        if (found.Count == 1) return Of(found[0]);
        if (found.Count > 1)
            throw new InvalidRequestException(field, name, new Phrase("「{0}」对应 {1} 个地区：{2}。请给出区划代码，或在名称前加上所属城市或省份（如 南京鼓楼）。",
                "'{0}' names {1} regions: {2}. Give the code, or the city or province before the name (南京鼓楼).", text, found.Count,
                Phrase.Join([.. found.Select(Choice)])));
        if (text.Length == 2 && text.All(char.IsAsciiLetterUpper)) return new RegionFilter(RegionKind.Country, text, null, null, null, text);
        if (text.IndexOfAny([',', '，', '、']) >= 0)
            throw new InvalidRequestException(field, name, new Phrase("此处只能给一个地区，不能是列表（「{0}」）；多个地区请用 analyze compare --regions（GET /api/analyses/compare?regions=…）并排比较。",
                "Give one region here, not a list ('{0}'); compare several side by side with analyze compare --regions (GET /api/analyses/compare?regions=…).", text));
        throw new NotFoundException(field, name, new Phrase("未知地区「{0}」：应为中国的省、市、区县或开发区（简称、全称或代码，如 常州、江苏省、溧阳市、320481），产业集群（编号或名称），或 ISO 国家代码（如 JP）。",
            "Unknown region '{0}': expected a Chinese province, city, county or development zone (short or full name or code, e.g. 常州, 江苏省, 溧阳市, 320481), a cluster (id or name) or an ISO country code (e.g. JP).", name));
    }

    /// <summary>A cluster of <paramref name="snapshot"/> by id or exact name, else <see cref="Parse"/>.</summary>
    public static RegionFilter Resolve(GraphSnapshot snapshot, string name, string field = "region")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = name.Trim();
        var cluster = snapshot.TryGetIndex(text, out var v) && snapshot.Labels[v] == NodeLabel.Cluster ? v
            : Enumerable.Range(0, snapshot.NodeCount).FirstOrDefault(i => snapshot.Labels[i] == NodeLabel.Cluster && snapshot.Names[i] == text, -1);
        if (cluster < 0) return Parse(name, field);
        var cities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in snapshot.Out(RelType.LocatedIn).Neighbours(cluster)) cities.Add(snapshot.Ids[r]);
        return new RegionFilter(RegionKind.Cluster, snapshot.Names[cluster], snapshot.Ids[cluster], null, null, null, snapshot.Ids[cluster], cities);
    }

    /// <summary>The filter of one gazetteer division.</summary>
    public static RegionFilter Of(AdminDivision division)
    {
        ArgumentNullException.ThrowIfNull(division);
        var gazetteer = ChinaGazetteer.Instance;
        var province = gazetteer.ByCode(division.ProvinceCode)!.Name;
        var city = division.CityCode is { } c ? gazetteer.ByCode(c)!.Name : null;
        return division switch
        {
            { Level: DivisionLevel.Province } => new RegionFilter(RegionKind.Province, division.Name, division.Code, province, null, null),
            { Level: DivisionLevel.City } => new RegionFilter(RegionKind.City, division.Name, division.Code, province, division.Name, null),
            _ => new RegionFilter(RegionKind.County, city == division.Name ? division.Name : city + division.Name, division.Code, province, city, null, division.RegionId),
        };
    }

    public bool Contains(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Kind switch
        {
            RegionKind.Country => snapshot.Countries[node] == Country,
            RegionKind.Province => snapshot.Provinces[node] == Province,
            RegionKind.City => snapshot.Cities[node] == City,
            RegionKind.County => LocatedWithin(snapshot, node, isNode),
            _ => IsMember(snapshot, node) || (snapshot.Labels[node] == NodeLabel.InnovationCentre && LocatedWithin(snapshot, node, clusterCities.Contains)),
        };
    }

    /// <summary>
    /// True when the node's place is known well enough to say it lies outside: abroad, in another
    /// province, in another city of the same province, or in another county of the same city.
    /// False for a node of the region's province whose city is unknown (a city region), of the
    /// region's city whose county is unknown (a county region), or a Chinese node with no province
    /// at all. Every enterprise that is not a cluster's member is outside it.
    /// </summary>
    public bool IsKnownOutside(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Contains(snapshot, node)) return false;
        if (Kind == RegionKind.Cluster) return true;
        if (Country is not null) return snapshot.Countries[node] is not null;
        if (snapshot.Countries[node] is { } country && country != "CN") return true;
        var province = snapshot.Provinces[node];
        if (province is null) return false;
        if (province != Province || City is null) return true;
        if (snapshot.Cities[node] is not { } city) return false;
        return city != City || (Kind == RegionKind.County && LocatedWithin(snapshot, node, IsCounty));
    }

    /// <summary>True when the node lies near: in the province of a city, the city of a county, a city of a cluster.</summary>
    public bool IsNear(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Kind switch
        {
            RegionKind.City => snapshot.Provinces[node] == Province,
            RegionKind.County => snapshot.Cities[node] == City,
            RegionKind.Cluster => LocatedWithin(snapshot, node, clusterCities.Contains),
            _ => false,
        };
    }

    bool IsMember(GraphSnapshot snapshot, int node)
    {
        foreach (var cluster in snapshot.Out(RelType.MemberOf).Neighbours(node)) if (snapshot.Ids[cluster] == nodeId) return true;
        return false;
    }

    /// <summary>True when a region the node lies in is one <paramref name="matches"/> accepts (by id).</summary>
    static bool LocatedWithin(GraphSnapshot snapshot, int node, Func<string, bool> matches) =>
        RegionTree.Above(snapshot, node).Any(r => matches(snapshot.Ids[r]));

    static bool IsCounty(string regionId) =>
        regionId.StartsWith("CN-", StringComparison.Ordinal) && ChinaGazetteer.Instance.ByCode(regionId[3..]) is { IsCountyLevel: true };

    /// <summary>One of several regions a name matches: 南京市鼓楼区（320106） / 鼓楼区 in 南京市 (320106).</summary>
    static Phrase Choice(AdminDivision d)
    {
        var parent = d.CityCode is { } c && c != d.Code ? ChinaGazetteer.Instance.ByCode(c)! : ChinaGazetteer.Instance.ByCode(d.ProvinceCode)!;
        return parent.Code == d.Code ? new Phrase("{0}（{1}）", "{0} ({1})", d.Name, d.Code) : new Phrase("{1}{0}（{2}）", "{0} in {1} ({2})", d.Name, parent.Name, d.Code);
    }
}

/// <summary>What kind of region a <see cref="RegionFilter"/> is.</summary>
public enum RegionKind
{
    Country,
    Province,
    City,
    County,
    Cluster,
}
