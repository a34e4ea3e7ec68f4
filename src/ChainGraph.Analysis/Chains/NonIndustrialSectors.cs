using System.Collections.Frozen;

namespace ChainGraph.Analysis.Chains;

/// <summary>
/// The SW industries that are not industry proper (graph/sectors/non-industrial-sw.tsv: food,
/// retail, finance, real estate, media, construction, services), by code; an industry below one
/// of them (PARENT) is not industry either.
/// </summary>
internal static class NonIndustrialSectors
{
    static readonly Lazy<FrozenSet<string>> Codes = new(Load);

    /// <summary>Whether an Industry id (<c>SW</c> + code) or one of its ancestors is listed.</summary>
    public static bool Contains(Model.Snapshot.GraphSnapshot snapshot, int industry)
    {
        var parents = snapshot.Out(Model.RelType.Parent);
        var seen = new HashSet<int>();
        var v = industry;
        while (seen.Add(v))
        {
            if (snapshot.Ids[v] is ['S', 'W', .. var code] && Codes.Value.Contains(code)) return true;
            if (parents.Degree(v) == 0) return false;
            v = parents.Neighbours(v)[0];
        }
        return false;
    }

    static FrozenSet<string> Load()
    {
        using var stream = typeof(NonIndustrialSectors).Assembly.GetManifestResourceStream("non-industrial-sw.tsv")
            ?? throw new InvalidOperationException("The embedded table non-industrial-sw.tsv is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var codes = new List<string>();
        while (reader.ReadLine() is { Length: > 0 } line) codes.Add(line[..line.IndexOf('\t', StringComparison.Ordinal)]);
        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
