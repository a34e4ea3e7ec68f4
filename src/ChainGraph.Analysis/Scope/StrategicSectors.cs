using System.Collections.Frozen;

namespace ChainGraph.Analysis.Scope;

/// <summary>
/// The nine strategic emerging industries of the 2023 catalogue and the SW 2021 level-2 industries
/// whose enterprises work in them, shipped as graph/sectors/strategic-sw.tsv.
/// </summary>
public static class StrategicSectors
{
    /// <summary>The nine sectors, in the catalogue's order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["新一代信息技术", "高端装备制造", "新材料", "生物", "新能源汽车", "新能源", "节能环保", "航空航天", "海洋装备"];

    static readonly Lazy<FrozenDictionary<string, string>> SectorBySwCode = new(() =>
    {
        using var stream = typeof(StrategicSectors).Assembly.GetManifestResourceStream("strategic-sw.tsv")
            ?? throw new InvalidOperationException("The sector mapping is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal)) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || !Names.Contains(fields[2])) throw new FormatException($"strategic-sw.tsv: expected code, name and one of the nine sectors. Got: '{line}'");
            map[fields[0]] = fields[2];
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>The strategic sector of an SW level-2 code (e.g. 270100 → 新一代信息技术), or null.</summary>
    public static string? OfSwCode(string code) => SectorBySwCode.Value.GetValueOrDefault(code);
}
