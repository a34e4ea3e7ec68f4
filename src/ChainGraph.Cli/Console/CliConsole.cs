using System.Text.Json;
using ChainGraph.Formats;

namespace ChainGraph.Cli;

/// <summary>Where the command writes: results to <see cref="Out"/>, progress and messages to <see cref="Error"/>.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when errors go to a terminal that can redraw a line, not to a file or pipe.</summary>
    public bool IsErrorTerminal => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json.Indented));

    /// <summary>Writes rows as a left-aligned text table, widths counted in display columns (CJK characters are two wide).</summary>
    public void WriteTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => DisplayWidth(r[i]))).ToArray();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell + new string(' ', widths[i] - DisplayWidth(cell)))).TrimEnd());
            if (index == 0) Out.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }

    static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text) width += c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60')) ? 2 : 1;
        return width;
    }
}
