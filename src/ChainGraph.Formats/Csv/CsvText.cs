using System.Globalization;
using System.Text;

namespace ChainGraph.Formats.Csv;

/// <summary>RFC 4180 text: quoting where a cell needs it, and whole tables with a UTF-8 byte-order mark for spreadsheets.</summary>
public static class CsvText
{
    /// <summary>The cell as is, or in double quotes (quotes doubled) when it holds a comma, quote, line break or leading blank.</summary>
    public static string Quote(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (cell.Length > 0 && char.IsWhiteSpace(cell[0]))
            ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : cell;
    }

    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote));

    /// <summary>
    /// The table as CSV bytes for spreadsheets: BOM first, so they open Chinese text correctly, and every
    /// cell <see cref="SpreadsheetSafe"/>, so a name in the data cannot run as a formula.
    /// </summary>
    public static byte[] Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header)) text.Append(Line(row.Select(SpreadsheetSafe))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The cell with a leading <c>'</c> when a spreadsheet would read it as a formula (it starts with
    /// <c>= + - @</c>, a tab or a carriage return; OWASP's rule), unless it is a plain number such as -3.5.
    /// </summary>
    public static string SpreadsheetSafe(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')) return cell;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? cell : "'" + cell;
    }
}
