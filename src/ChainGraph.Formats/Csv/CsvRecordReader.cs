using System.Text;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// RFC 4180 records: comma-separated, fields optionally in double quotes with "" for a quote,
/// quoted fields may span lines. Each record carries the line it starts on.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    readonly StringBuilder field = new();
    long line = 1;

    /// <summary>The next record, or null at the end. <paramref name="error"/> is set for a record that cannot be read.</summary>
    public List<string>? Next(out long startLine, out string? error)
    {
        error = null;
        startLine = line;
        if (reader.Peek() < 0) return null;
        var fields = new List<string>();
        var quoted = false;
        var wasQuoted = false;
        field.Clear();
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted) error = $"unterminated quoted field starting on line {startLine}";
                fields.Add(field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') field.Append((char)reader.Read());
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                line++;
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else
            {
                field.Append((char)c);
            }
        }
    }
}
