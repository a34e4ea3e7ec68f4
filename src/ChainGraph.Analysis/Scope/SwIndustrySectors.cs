using System.Collections.Frozen;
using ChainGraph.Model.Chains;

namespace ChainGraph.Analysis.Scope;

/// <summary>
/// The SW 2021 level-2 industries whose enterprises work in one of the nine strategic emerging
/// industries (<see cref="StrategicSectors.All"/>), shipped as graph/sectors/strategic-sw.tsv.
/// </summary>
public static class SwIndustrySectors
{
    static readonly Lazy<FrozenDictionary<string, string>> SectorBySwCode = new(() =>
    {
        using var stream = typeof(SwIndustrySectors).Assembly.GetManifestResourceStream("strategic-sw.tsv")
            ?? throw new InvalidOperationException("The sector mapping is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal)) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || !StrategicSectors.All.Contains(fields[2])) throw new FormatException($"strategic-sw.tsv: expected code, name and one of the nine sectors. Got: '{line}'");
            map[fields[0]] = fields[2];
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>The strategic sector of an SW level-2 code (e.g. 270100 → 新一代信息技术), or null.</summary>
    public static string? OfSwCode(string code) => SectorBySwCode.Value.GetValueOrDefault(code);
}
