using System.Text;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>The syntax a mutation may aim at: JSON tokens or CSV fields.</summary>
public enum FuzzSyntax
{
    Json,
    Csv,
}

/// <summary>The kinds of damage <see cref="LineMutator"/> does, counted for the report.</summary>
public enum Mutation
{
    Truncate,
    FlipBit,
    ReplaceByte,
    InsertBytes,
    DeleteBytes,
    InvalidUtf8,
    Utf16Text,
    LegacyEncodedText,
    ByteOrderMark,
    Nul,
    ControlCharacter,
    LongField,
    UnbalancedQuote,
    UnbalancedBrace,
    DelimiterStorm,
    TypeSwap,
    DeepNesting,
    LoneSurrogateEscape,
    Splice,
}

/// <summary>
/// Seeded damage to one line (or one whole document) as bytes: truncation, flipped, inserted and
/// deleted bytes, invalid UTF-8, UTF-16 and legacy-encoded text, a U+FEFF or NUL in the middle,
/// fields of 100 kB and more, unbalanced quotes and braces, delimiter storms, numbers where
/// strings belong and the reverse, JSON nested 10,000 deep, and JSON escapes of half a surrogate
/// pair. The same seed gives the same mutations.
/// </summary>
public sealed class LineMutator(int seed, FuzzSyntax syntax)
{
    public const int NestingDepth = 10_000;
    public const int LongFieldBytes = 100_000;

    static readonly (Mutation Kind, int Weight)[] JsonWeights =
    [
        (Mutation.Truncate, 12), (Mutation.FlipBit, 8), (Mutation.ReplaceByte, 8), (Mutation.InsertBytes, 8),
        (Mutation.DeleteBytes, 8), (Mutation.InvalidUtf8, 8), (Mutation.Utf16Text, 5), (Mutation.LegacyEncodedText, 5),
        (Mutation.ByteOrderMark, 4), (Mutation.Nul, 4), (Mutation.ControlCharacter, 6), (Mutation.LongField, 1),
        (Mutation.UnbalancedQuote, 8), (Mutation.UnbalancedBrace, 8), (Mutation.DelimiterStorm, 5), (Mutation.TypeSwap, 20),
        (Mutation.DeepNesting, 1), (Mutation.LoneSurrogateEscape, 4), (Mutation.Splice, 4),
    ];

    static readonly (Mutation Kind, int Weight)[] CsvWeights =
    [
        (Mutation.Truncate, 12), (Mutation.FlipBit, 8), (Mutation.ReplaceByte, 8), (Mutation.InsertBytes, 8),
        (Mutation.DeleteBytes, 8), (Mutation.InvalidUtf8, 8), (Mutation.Utf16Text, 5), (Mutation.LegacyEncodedText, 5),
        (Mutation.ByteOrderMark, 4), (Mutation.Nul, 4), (Mutation.ControlCharacter, 6), (Mutation.LongField, 1),
        (Mutation.UnbalancedQuote, 16), (Mutation.UnbalancedBrace, 2), (Mutation.DelimiterStorm, 10), (Mutation.TypeSwap, 20),
        (Mutation.Splice, 4),
    ];

    static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0xAF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0xFE], [0xFF, 0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    static readonly string[] Samples = ["宁德时代 CATL", "碳酸锂,\"正极\"", "{\"id\":\"x\"}", "a;b", "邵阳（滁州）"];

    // Text in encodings the readers do not expect: Latin-1 and GBK (宁德时代 = C4FE B5C2 CAB1 B4FA).
    static readonly byte[][] LegacyText =
    [
        Encoding.Latin1.GetBytes("Société Générale Ångström ©µ"), [0xC4, 0xFE, 0xB5, 0xC2, 0xCA, 0xB1, 0xB4, 0xFA],
        [0xD5, 0xE3, 0xBD, 0xAD, 0x22, 0x2C],
    ];

    static readonly string[] ControlCharacters = ["\r", "\t", "\u001a", "\u001b", "\v", "\f", "\u2028", "\u0085", "\n", "\r\r", "\u007f"];

    static readonly string[] JsonNumbers =
        ["0", "-0", "42", "-1", "1.5", "1e400", "-1e400", "1e-400", "9223372036854775808", "123456789012345678901234567890", "0.30000000000000004", "6e5", "01", "1.", "+1"];

    static readonly string[] JsonStrings =
        ["\"\"", "\" \"", "\"42\"", "\"1.5\"", "\"true\"", "\"null\"", "\"宁德时代\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\\"\"", "\"Enterprise\""];

    static readonly string[] JsonOthers =
        ["true", "false", "null", "[]", "{}", "[null]", "[1,2]", "[\"a\",1]", "{\"id\":1}", "[[]]", "[{}]", "{\"id\":null}", "NaN", "undefined"];

    static readonly string[] CsvValues =
    [
        "0", "-1", "1.5", "1e400", "NaN", "Infinity", "-Infinity", "9223372036854775808", "1,5", "0x1F", "１２３", "abc", "true",
        "TRUE", "yes", "", "\"\"", "\"a\"\"b\"", "宁德时代", "a;b;;c", " 1 ", "\"", "Enterprise;Product", "MAKES ",
    ];

    // Characters a long field is made of: plain text, digits, CJK, and every character some reader treats as syntax.
    static readonly string[] LongFieldCharacters = ["a", "9", "宁", "（", "(", ",", "\"", "\\", ";", " ", "{", "[", ":", "\u3000"];

    /// <summary>Arrays and objects nested <see cref="NestingDepth"/> deep, closed and left open.</summary>
    static readonly byte[][] Nests =
    [
        Nested("[", "1", "]", closed: true), Nested("[", "1", "]", closed: false),
        Nested("{\"a\":", "null", "}", closed: true), Nested("{\"a\":", "null", "}", closed: false),
    ];

    readonly Random random = new(seed);
    readonly Dictionary<Mutation, int> counts = [];
    readonly (Mutation Kind, int Weight)[] weights = syntax == FuzzSyntax.Json ? JsonWeights : CsvWeights;

    public Random Random => random;

    /// <summary>How often each kind of mutation was applied.</summary>
    public IReadOnlyDictionary<Mutation, int> Counts => counts;

    /// <summary>The line with one to three mutations.</summary>
    public byte[] Mutate(ReadOnlySpan<byte> line)
    {
        var bytes = new List<byte>(line.Length + 16);
        bytes.AddRange(line);
        var count = random.Next(8) switch { < 5 => 1, < 7 => 2, _ => 3 };
        for (var i = 0; i < count; i++) Apply(Pick(), bytes);
        return [.. bytes];
    }

    Mutation Pick()
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (kind, weight) in weights)
        {
            if (roll < weight) return kind;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }

    void Apply(Mutation kind, List<byte> bytes)
    {
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
        switch (kind)
        {
            case Mutation.Truncate:
                Truncate(bytes);
                break;
            case Mutation.FlipBit:
                if (bytes.Count > 0)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }
                break;
            case Mutation.ReplaceByte:
                if (bytes.Count > 0) bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case Mutation.InsertBytes:
                bytes.InsertRange(Position(bytes), Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)).ToArray());
                break;
            case Mutation.DeleteBytes:
                if (bytes.Count > 0)
                {
                    var at = random.Next(bytes.Count);
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                }
                break;
            case Mutation.InvalidUtf8:
                bytes.InsertRange(Position(bytes), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                break;
            case Mutation.Utf16Text:
                var sample = Samples[random.Next(Samples.Length)];
                var utf16 = random.Next(2) == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode;
                bytes.InsertRange(Position(bytes), random.Next(3) == 0 ? [.. utf16.GetPreamble(), .. utf16.GetBytes(sample)] : utf16.GetBytes(sample));
                break;
            case Mutation.LegacyEncodedText:
                bytes.InsertRange(Position(bytes), LegacyText[random.Next(LegacyText.Length)]);
                break;
            case Mutation.ByteOrderMark:
                bytes.InsertRange(InsideValue(bytes), "\uFEFF"u8.ToArray());
                break;
            case Mutation.Nul:
                bytes.InsertRange(InsideValue(bytes), new byte[1 + (random.Next(4) == 0 ? random.Next(8) : 0)]);
                break;
            case Mutation.ControlCharacter:
                bytes.InsertRange(Position(bytes), Encoding.UTF8.GetBytes(ControlCharacters[random.Next(ControlCharacters.Length)]));
                break;
            case Mutation.LongField:
                bytes.InsertRange(random.Next(10) < 7 ? InsideValue(bytes) : Position(bytes), LongField(bytes));
                break;
            case Mutation.UnbalancedQuote:
                Unbalance(bytes, (byte)'"', syntax == FuzzSyntax.Csv);
                break;
            case Mutation.UnbalancedBrace:
                Unbalance(bytes, "{}[]"u8[random.Next(4)], atFieldStart: false);
                break;
            case Mutation.DelimiterStorm:
                var delimiters = syntax == FuzzSyntax.Json ? ",:}]\"" : ",;\"\t|";
                var run = 1 + (random.Next(4) == 0 ? random.Next(5000) : random.Next(50));
                bytes.InsertRange(Position(bytes), Enumerable.Repeat((byte)delimiters[random.Next(delimiters.Length)], run).ToArray());
                break;
            case Mutation.TypeSwap:
                if (syntax == FuzzSyntax.Json) SwapJsonValue(bytes);
                else SwapCsvField(bytes);
                break;
            case Mutation.DeepNesting:
                Nest(bytes);
                break;
            case Mutation.LoneSurrogateEscape:
                var half = random.Next(4) switch { 0 => "\\ud800", 1 => "\\uDFFF", 2 => "\\ud83d", _ => "\\ude00\\ud83d" };
                bytes.InsertRange(InsideValue(bytes), Encoding.ASCII.GetBytes(half));
                break;
            case Mutation.Splice:
                if (bytes.Count > 1)
                {
                    var from = random.Next(bytes.Count);
                    var slice = bytes.GetRange(from, Math.Min(bytes.Count - from, 1 + random.Next(40)));
                    bytes.InsertRange(Position(bytes), slice);
                }
                break;
        }
    }

    void Truncate(List<byte> bytes)
    {
        if (bytes.Count == 0) return;
        var keep = random.Next(bytes.Count);
        bytes.RemoveRange(keep, bytes.Count - keep);
    }

    int Position(List<byte> bytes) => random.Next(bytes.Count + 1);

    /// <summary>A position inside a string value (JSON) or a field (CSV), else anywhere.</summary>
    int InsideValue(List<byte> bytes)
    {
        if (syntax == FuzzSyntax.Csv)
        {
            var fields = CsvFields(bytes);
            var (start, end) = fields[random.Next(fields.Count)];
            return start + random.Next(end - start + 1);
        }
        var strings = JsonTokens(bytes).Where(t => t.Kind == JsonToken.String).ToList();
        if (strings.Count == 0) return Position(bytes);
        var token = strings[random.Next(strings.Count)];
        return token.Start + 1 + random.Next(Math.Max(1, token.Length - 1));
    }

    byte[] LongField(List<byte> bytes)
    {
        var result = new byte[LongFieldBytes + random.Next(LongFieldBytes / 2)];
        switch (random.Next(4))
        {
            case 0:
                random.NextBytes(result);
                for (var i = 0; i < result.Length; i++) result[i] = (byte)(0x20 + result[i] % 95);
                return result;
            case 1 when bytes.Count > 0:
                var from = random.Next(bytes.Count);
                var slice = bytes.GetRange(from, Math.Min(bytes.Count - from, 1 + random.Next(20))).ToArray();
                for (var i = 0; i < result.Length; i++) result[i] = slice[i % slice.Length];
                return result;
            default:
                var unit = Encoding.UTF8.GetBytes(LongFieldCharacters[random.Next(LongFieldCharacters.Length)]);
                Array.Resize(ref result, result.Length / unit.Length * unit.Length);
                for (var i = 0; i < result.Length; i++) result[i] = unit[i % unit.Length];
                return result;
        }
    }

    /// <summary>Inserts one more of <paramref name="mark"/> (at a field start for CSV quotes, half the time) or removes one.</summary>
    void Unbalance(List<byte> bytes, byte mark, bool atFieldStart)
    {
        var existing = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == mark).ToList();
        if (existing.Count > 0 && random.Next(3) == 0)
        {
            bytes.RemoveAt(existing[random.Next(existing.Count)]);
            return;
        }
        var fields = CsvFields(bytes);
        bytes.Insert(atFieldStart && random.Next(2) == 0 ? fields[random.Next(fields.Count)].Start : Position(bytes), mark);
    }

    void SwapJsonValue(List<byte> bytes)
    {
        var containers = random.Next(4) == 0 ? JsonContainers(bytes) : [];
        if (containers.Count > 0)
        {
            // A whole object or array (not the outermost) becomes a scalar: a segment turns null, properties a number.
            var (from, length) = containers[random.Next(containers.Count)];
            var scalars = random.Next(3) switch { 0 => JsonNumbers, 1 => JsonStrings, _ => JsonOthers };
            bytes.RemoveRange(from, length);
            bytes.InsertRange(from, Encoding.UTF8.GetBytes(scalars[random.Next(scalars.Length)]));
            return;
        }
        var values = JsonTokens(bytes).Where(t => t.Kind != JsonToken.Key).ToList();
        if (values.Count == 0)
        {
            bytes.InsertRange(Position(bytes), Encoding.UTF8.GetBytes(JsonNumbers[random.Next(JsonNumbers.Length)]));
            return;
        }
        var token = values[random.Next(values.Count)];
        var pool = random.Next(3) == 0 ? JsonOthers : token.Kind == JsonToken.String ? JsonNumbers : JsonStrings;
        bytes.RemoveRange(token.Start, token.Length);
        bytes.InsertRange(token.Start, Encoding.UTF8.GetBytes(pool[random.Next(pool.Length)]));
    }

    void SwapCsvField(List<byte> bytes)
    {
        var fields = CsvFields(bytes);
        var (start, end) = fields[random.Next(fields.Count)];
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(CsvValues[random.Next(CsvValues.Length)]));
    }

    void Nest(List<byte> bytes)
    {
        var values = JsonTokens(bytes).Where(t => t.Kind != JsonToken.Key).ToList();
        var (_, start, length) = values.Count == 0 ? (JsonToken.Scalar, Position(bytes), 0) : values[random.Next(values.Count)];
        bytes.RemoveRange(start, length);
        bytes.InsertRange(start, Nests[random.Next(Nests.Length)]);
    }

    static byte[] Nested(string open, string inner, string close, bool closed)
    {
        var text = new StringBuilder();
        text.Insert(0, open, NestingDepth).Append(inner);
        if (closed) text.Insert(text.Length, close, NestingDepth);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    enum JsonToken
    {
        Key,
        String,
        Scalar,
    }

    /// <summary>The strings (keys apart), numbers and literals of a JSON text, found leniently so damaged text still has some.</summary>
    static List<(JsonToken Kind, int Start, int Length)> JsonTokens(List<byte> bytes)
    {
        var tokens = new List<(JsonToken, int, int)>();
        for (var i = 0; i < bytes.Count; i++)
        {
            var b = bytes[i];
            if (b == '"')
            {
                var end = i + 1;
                while (end < bytes.Count && bytes[end] != '"') end += bytes[end] == '\\' ? 2 : 1;
                end = Math.Min(end, bytes.Count - 1);
                var next = end + 1;
                while (next < bytes.Count && bytes[next] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') next++;
                tokens.Add((next < bytes.Count && bytes[next] == ':' ? JsonToken.Key : JsonToken.String, i, end - i + 1));
                i = end;
            }
            else if (b == '-' || b is >= (byte)'0' and <= (byte)'9' || b is (byte)'t' or (byte)'f' or (byte)'n')
            {
                var end = i;
                while (end < bytes.Count && (bytes[end] is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'+' or (byte)'.'
                    || (b is (byte)'t' or (byte)'f' or (byte)'n' ? bytes[end] is >= (byte)'a' and <= (byte)'z' : bytes[end] is (byte)'e' or (byte)'E')))
                    end++;
                tokens.Add((JsonToken.Scalar, i, end - i));
                i = end - 1;
            }
        }
        return tokens;
    }

    /// <summary>The objects and arrays inside the outermost one, as (start, length), matched outside strings.</summary>
    static List<(int Start, int Length)> JsonContainers(List<byte> bytes)
    {
        var pairs = new List<(int, int)>();
        var open = new Stack<int>();
        var inString = false;
        for (var i = 0; i < bytes.Count; i++)
        {
            var b = bytes[i];
            if (inString)
            {
                if (b == '\\') i++;
                else if (b == '"') inString = false;
            }
            else if (b == '"') inString = true;
            else if (b is (byte)'{' or (byte)'[') open.Push(i);
            else if (b is (byte)'}' or (byte)']' && open.Count > 0)
            {
                var start = open.Pop();
                if (open.Count > 0) pairs.Add((start, i - start + 1));
            }
        }
        return pairs;
    }

    /// <summary>The fields of a CSV line as [start, end) byte ranges, split at every comma.</summary>
    static List<(int Start, int End)> CsvFields(List<byte> bytes)
    {
        var fields = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] != ',') continue;
            fields.Add((start, i));
            start = i + 1;
        }
        fields.Add((start, bytes.Count));
        return fields;
    }
}
