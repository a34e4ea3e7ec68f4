using System.Text;

namespace ChainGraph.Cli;

/// <summary>Writes a ranked table as RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheets open Chinese text correctly.</summary>
public static class CsvTable
{
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        foreach (var row in rows.Prepend(header)) writer.WriteLine(string.Join(',', row.Select(Quote)));
    }

    static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
