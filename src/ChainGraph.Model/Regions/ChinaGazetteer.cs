using System.Collections.Frozen;

namespace ChainGraph.Model.Regions;

/// <summary>
/// Provinces, prefecture-level cities and counties of the PRC (NBS division codes, 2023),
/// shipped as graph/regions/cn-divisions.tsv, with lookups by full or short name.
/// </summary>
public sealed class ChinaGazetteer
{
    static readonly Lazy<ChinaGazetteer> Shared = new(Load);

    readonly FrozenDictionary<string, AdminDivision> byCode;
    readonly Dictionary<string, List<AdminDivision>> byName = new(StringComparer.Ordinal);

    ChinaGazetteer(IReadOnlyList<AdminDivision> divisions)
    {
        Divisions = divisions;
        byCode = divisions.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var d in divisions)
        {
            Index(d.Name, d);
            if (d.ShortName.Length >= 2 && d.ShortName != d.Name) Index(d.ShortName, d);
        }
        LongestName = byName.Keys.Max(k => k.Length);
    }

    public static ChinaGazetteer Instance => Shared.Value;

    public IReadOnlyList<AdminDivision> Divisions { get; }

    internal int LongestName { get; }

    public AdminDivision? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>Divisions whose full or short name is exactly <paramref name="name"/>.</summary>
    public IReadOnlyList<AdminDivision> ByName(ReadOnlySpan<char> name) =>
        byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var found) ? found : [];

    /// <summary>
    /// The divisions a user may mean by <paramref name="text"/>: a code (320481 or CN-320481), a full or
    /// short name of any level (溧阳, 溧阳市, 苏州工业园区), or a name after its province or city (南京鼓楼,
    /// 江苏省溧阳市, 南京/鼓楼). Of a bare name only the highest level holding it counts: 吉林 is the
    /// province, 朝阳 the city in Liaoning (北京朝阳 is the district). None: unknown; several: ambiguous.
    /// </summary>
    public IReadOnlyList<AdminDivision> Lookup(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = string.Concat(text.Trim().Where(c => c is not ('/' or ' ' or '·')));
        var code = name.StartsWith("CN-", StringComparison.Ordinal) ? name[3..] : name;
        if (ByCode(code) is { } coded) return [coded];
        var named = ByName(name);
        if (named.Count > 0)
        {
            var top = named.Min(d => d.Level);
            return [.. named.Where(d => d.Level == top)];
        }
        var within = new List<AdminDivision>();
        for (var split = 2; split <= name.Length - 2; split++)
            foreach (var parent in ByName(name.AsSpan(0, split)))
                if (parent.Level != DivisionLevel.County)
                    within.AddRange(ByName(name.AsSpan(split)).Where(d => d.Level > parent.Level && (d.ProvinceCode == parent.Code || d.CityCode == parent.Code)));
        return [.. within.Distinct()];
    }

    void Index(string key, AdminDivision division)
    {
        if (!byName.TryGetValue(key, out var list)) byName[key] = list = [];
        list.Add(division);
    }

    static ChinaGazetteer Load()
    {
        using var stream = typeof(ChinaGazetteer).Assembly.GetManifestResourceStream("cn-divisions.tsv")
            ?? throw new InvalidOperationException("The embedded gazetteer cn-divisions.tsv is missing.");
        using var reader = new StreamReader(stream);
        var divisions = new List<AdminDivision>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split('\t');
            var level = Enum.Parse<DivisionLevel>(f[1], ignoreCase: true);
            divisions.Add(new AdminDivision(f[0], level, f[2], f[3], f[4], f[5].Length > 0 ? f[5] : null));
        }
        return new ChinaGazetteer(divisions);
    }
}
