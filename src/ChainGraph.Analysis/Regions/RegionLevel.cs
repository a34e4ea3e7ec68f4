using ChainGraph.Model.Regions;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Regions;

/// <summary>A level of Chinese regions to rank.</summary>
public enum RegionLevel
{
    Province,
    City,
    County,
}

/// <summary>
/// Every gazetteer division of one level, and which of them a node lies in: provinces; cities,
/// the four municipalities and the county-level cities a province administers included; counties,
/// districts, county-level cities and development zones. A node's province and city come from its
/// columns, its county from the region it is <c>LOCATED_IN</c> (or one that region lies in).
/// </summary>
public sealed class LevelRegions
{
    static readonly Lazy<LevelRegions>[] Levels = [.. Enum.GetValues<RegionLevel>().Select(l => new Lazy<LevelRegions>(() => new LevelRegions(l)))];

    readonly Dictionary<string, int> byKey = new(StringComparer.Ordinal);

    LevelRegions(RegionLevel level)
    {
        Level = level;
        Divisions = [.. ChinaGazetteer.Instance.Divisions.Where(d => level switch
        {
            RegionLevel.Province => d.Level == DivisionLevel.Province,
            RegionLevel.City => d.Level == DivisionLevel.City || (d.Level == DivisionLevel.Province && d.CityCode == d.Code),
            _ => d.IsCountyLevel,
        })];
        for (var i = 0; i < Divisions.Count; i++) byKey.TryAdd(Key(Divisions[i]), i);
    }

    public static LevelRegions Of(RegionLevel level) => Levels[(int)level].Value;

    public RegionLevel Level { get; }

    public IReadOnlyList<AdminDivision> Divisions { get; }

    /// <summary>The index in <see cref="Divisions"/> of the region the node lies in; -1 when its place is not known at this level.</summary>
    public int IndexOf(GraphSnapshot snapshot, int node)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        switch (Level)
        {
            case RegionLevel.Province:
                return snapshot.Provinces[node] is { } province ? byKey.GetValueOrDefault(province, -1) : -1;
            case RegionLevel.City:
                return snapshot.Provinces[node] is { } p && snapshot.Cities[node] is { } city ? byKey.GetValueOrDefault(p + "/" + city, -1) : -1;
            default:
                foreach (var region in RegionTree.Above(snapshot, node))
                    if (byKey.TryGetValue(snapshot.Ids[region], out var county)) return county;
                return -1;
        }
    }

    string Key(AdminDivision d) => Level switch
    {
        RegionLevel.Province => d.Name,
        RegionLevel.City => ChinaGazetteer.Instance.ByCode(d.ProvinceCode)!.Name + "/" + d.Name,
        _ => d.RegionId,
    };
}
