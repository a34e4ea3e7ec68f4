using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ChainGraph.Storage.Neo4j.Internal;

/// <summary>
/// Writes a Query API request body: <c>{"statement": ..., "parameters": {...}, "bookmarks": [...]}</c>.
/// Parameter values are nulls, strings, booleans, integers, doubles, string arrays, maps and lists.
/// </summary>
internal static class QueryRequestJson
{
    public static ReadOnlyMemory<byte> Write(string statement, IReadOnlyDictionary<string, object?> parameters, IReadOnlyList<string> bookmarks)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            writer.WritePropertyName("parameters");
            WriteValue(writer, parameters);
            if (bookmarks.Count > 0)
            {
                writer.WriteStartArray("bookmarks");
                foreach (var bookmark in bookmarks) writer.WriteStringValue(bookmark);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: WriteDouble(writer, d); break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"A Cypher parameter cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>
    /// Always with a fraction or exponent: Neo4j reads a JSON number without one as an INTEGER, and
    /// a volume of 300.0 must stay a FLOAT in the database.
    /// </summary>
    static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"A Cypher parameter cannot hold {value}.", nameof(value));
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0", skipInputValidation: true);
    }
}
