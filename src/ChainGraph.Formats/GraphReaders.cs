using ChainGraph.Formats.ChainKg;
using ChainGraph.Formats.Chains;
using ChainGraph.Formats.Csv;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Formats.Places;
using ChainGraph.Formats.Tags;
using ChainGraph.Model;

namespace ChainGraph.Formats;

/// <summary>The import formats by name.</summary>
public static class GraphReaders
{
    public static IReadOnlyList<IGraphReader> All { get; } =
        [new ChainKgReader(), new AdminImportCsvReader(), new JsonLinesReader(), new ChainTemplateReader(), new PlacesReader()];

    /// <summary>Every format's name: those of <see cref="All"/>, and tag lists, which read against the stored enterprises.</summary>
    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(r => r.Format), TagListReader.FormatName];

    /// <summary>Whether the format matches its rows to the enterprises the store holds (give them to <see cref="Get"/>).</summary>
    public static bool ReadsStoredEnterprises(string format) => string.Equals(format, TagListReader.FormatName, StringComparison.OrdinalIgnoreCase);

    /// <param name="enterprises">The stored enterprises, for a format that <see cref="ReadsStoredEnterprises"/>.</param>
    public static IGraphReader Get(string format, IReadOnlyList<GraphNode>? enterprises = null) =>
        ReadsStoredEnterprises(format)
            ? new TagListReader(enterprises ?? throw new ArgumentNullException(nameof(enterprises), "A tag list reads against the stored enterprises."))
            : All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
              ?? throw new FormatException($"Unknown format '{format}'; expected one of {string.Join('|', Formats)}.");

    /// <summary>The files of a path: the file itself, or a folder's files with the extension, in name order.</summary>
    internal static IEnumerable<string> Files(string path, string extension)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FormatException($"No file or folder at '{path}'.");
        return Directory.EnumerateFiles(path, "*" + extension).Order(StringComparer.Ordinal);
    }
}
