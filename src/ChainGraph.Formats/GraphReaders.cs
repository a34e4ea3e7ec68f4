using ChainGraph.Formats.ChainKg;
using ChainGraph.Formats.Chains;
using ChainGraph.Formats.Csv;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Formats.Places;

namespace ChainGraph.Formats;

/// <summary>The import formats by name.</summary>
public static class GraphReaders
{
    public static IReadOnlyList<IGraphReader> All { get; } =
        [new ChainKgReader(), new AdminImportCsvReader(), new JsonLinesReader(), new ChainTemplateReader(), new PlacesReader()];

    public static IGraphReader Get(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"Unknown format '{format}'; expected one of {string.Join('|', All.Select(r => r.Format))}.");

    /// <summary>The files of a path: the file itself, or a folder's files with the extension, in name order.</summary>
    internal static IEnumerable<string> Files(string path, string extension)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FormatException($"No file or folder at '{path}'.");
        return Directory.EnumerateFiles(path, "*" + extension).Order(StringComparer.Ordinal);
    }
}
