using System.Text;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// RFC 4180 records: comma-separated, fields optionally in double quotes with "" for a quote,
/// quoted fields may span lines. Each record carries the line it starts on; LF, CRLF and a lone
/// CR each end a line, inside quotes too. A record that cannot be read (an unterminated quote,
/// or text after a closing quote, which neo4j-admin refuses too) is rejected at its first line
/// and reading goes on at its second. So is a record that spans lines but has not the header's
/// number of fields, or runs over a line that reads as a row of its own (that many fields, no
/// quote): an unbalanced quote costs its own row, not the rows after it.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter = ',')
{
    readonly StringBuilder field = new();

    // What the current record read after its first line break, to read again should it fail,
    // and the text so given back, most recent first, read before the rest of the reader.
    readonly StringBuilder spanned = new();
    readonly Stack<GivenBack> givenBack = new();
    bool spanning;
    long line = 1;

    /// <summary>The header's number of fields, once known (0 before): what a record spanning lines must have.</summary>
    public int ExpectedFields { get; set; }

    /// <summary>The next record, or null at the end. <paramref name="error"/> is set for a record that cannot be read.</summary>
    public List<string>? Next(out long startLine, out string? error)
    {
        error = null;
        startLine = line;
        if (Peek() < 0) return null;
        var fields = new List<string>();
        var quoted = false;
        field.Clear();
        spanned.Clear();
        spanning = false;
        while (true)
        {
            var c = Read();
            if (c < 0)
            {
                if (quoted) return Unreadable(fields, startLine, $"unterminated quoted field starting on line {startLine}", out error);
                return End(fields, startLine, endedAtLineBreak: false, out error);
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        field.Append((char)Read());
                        continue;
                    }
                    quoted = false;
                    if (Peek() is var next && next >= 0 && next != delimiter && next != '\r' && next != '\n')
                        return Unreadable(fields, startLine, $"field {fields.Count + 1}: text after its closing quote", out error);
                }
                else
                {
                    field.Append((char)c);
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        line++;
                        spanning = true;
                    }
                }
                continue;
            }
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && Peek() == '\n') Read();
                line++;
                return End(fields, startLine, endedAtLineBreak: true, out error);
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append((char)c);
            }
        }
    }

    /// <summary>The record read; one that spans lines must fit the header and hold no line that reads as a row of its own.</summary>
    List<string> End(List<string> fields, long startLine, bool endedAtLineBreak, out string? error)
    {
        error = null;
        if (spanning && ExpectedFields > 0)
        {
            if (fields.Count + 1 != ExpectedFields)
                return Unreadable(fields, startLine, $"expected {ExpectedFields} fields, found {fields.Count + 1}", out error);
            if (RowInside(startLine, endedAtLineBreak) is { } row)
                return Unreadable(fields, startLine, $"a quoted field runs on over line {row}, which reads as a row of its own", out error);
        }
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>The first line strictly inside a record spanning lines that has the header's number of fields and no quote.</summary>
    long? RowInside(long startLine, bool endedAtLineBreak)
    {
        var lines = spanned.ToString().Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        for (var i = 0; i < lines.Length - (endedAtLineBreak ? 2 : 1); i++)
        {
            var text = lines[i];
            if (text.Length > 0 && !text.Contains('"', StringComparison.Ordinal) && text.Count(c => c == delimiter) == ExpectedFields - 1)
                return startLine + 1 + i;
        }
        return null;
    }

    /// <summary>Rejects the record at its first line and goes on reading at its second.</summary>
    List<string> Unreadable(List<string> fields, long startLine, string message, out string error)
    {
        error = message;
        if (spanning)
        {
            spanning = false;
            if (spanned.Length > 0) givenBack.Push(new GivenBack(spanned.ToString()));
        }
        else
        {
            int c;
            while ((c = Read()) >= 0 && c != '\n' && c != '\r')
            {
            }
            if (c == '\r' && Peek() == '\n') Read();
        }
        line = startLine + 1;
        fields.Add(field.ToString());
        return fields;
    }

    int Read()
    {
        int c;
        if (givenBack.TryPeek(out var text))
        {
            c = text.Text[text.At++];
            if (text.At == text.Text.Length) givenBack.Pop();
        }
        else
        {
            c = reader.Read();
        }
        if (spanning && c >= 0) spanned.Append((char)c);
        return c;
    }

    int Peek() => givenBack.TryPeek(out var text) ? text.Text[text.At] : reader.Peek();

    sealed class GivenBack(string text)
    {
        public string Text { get; } = text;

        public int At { get; set; }
    }
}
