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
    /// The province or city a user means by a name ("广东", "广东省", "深圳", "深圳市"); a province
    /// wins over a city of the same name (吉林, 海南), and a name shared by cities of different
    /// provinces is ambiguous (null).
    /// </summary>
    public AdminDivision? FindRegion(string name)
    {
        var candidates = ByName(name.Trim()).Where(d => d.Level != DivisionLevel.County).ToList();
        return candidates.Find(d => d.Level == DivisionLevel.Province)
            ?? (candidates.Count == 1 ? candidates[0] : null);
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
