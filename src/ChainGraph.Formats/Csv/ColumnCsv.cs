using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// A CSV file whose header names known columns, in any order: a header with an unknown or repeated
/// column refuses the file, since its values would be lost unseen; a row of the wrong length, or one
/// the caller refuses, is rejected with its file and line, and the other rows are kept.
/// </summary>
internal static class ColumnCsv
{
    /// <param name="known">The columns the file may have (lower case; the header's case does not matter).</param>
    /// <param name="required">Why the columns present are not enough, or null when they are.</param>
    /// <param name="row">Uses a row, given its cells by column name ("" for a column it lacks); returns why it cannot, or null.</param>
    /// <exception cref="FormatException">The header cannot be read, names an unknown column or one twice, or lacks a required one.</exception>
    public static void Read(string file, IReadOnlyList<string> known, Func<IReadOnlySet<string>, string?> required,
        Func<Func<string, string>, SourceLocation, string?> row, GraphBatch batch, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        using var text = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecordReader(text);
        if (records.Next(out _, out var headerError) is not { } header) return;
        if (headerError is not null) throw new FormatException($"{name}: the header cannot be read: {headerError}.");
        var columns = Header(header, name, known);
        if (required(columns.Keys.ToHashSet(StringComparer.Ordinal)) is { } missing) throw new FormatException($"{name}:1: {missing}");
        records.ExpectedFields = header.Count;
        while (records.Next(out var line, out var error) is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = new SourceLocation(name, line);
            if (fields is [""]) continue;
            if (error is null && fields.Count != header.Count) error = $"expected {header.Count} fields, found {fields.Count}";
            string Cell(string column) => columns.TryGetValue(column, out var i) ? fields[i].Trim() : "";
            if ((error ?? row(Cell, at)) is { } reason) batch.Reject(at, reason);
        }
    }

    static Dictionary<string, int> Header(List<string> header, string file, IReadOnlyList<string> known)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var column = header[i].Trim().ToLowerInvariant();
            if (!known.Contains(column))
                throw new FormatException($"{file}:1: field '{header[i]}': unknown column; expected {string.Join(", ", known)}. Got: '{header[i]}'");
            if (!columns.TryAdd(column, i)) throw new FormatException($"{file}:1: field '{header[i]}': the column appears twice. Got: '{header[i]}'");
        }
        return columns;
    }
}
