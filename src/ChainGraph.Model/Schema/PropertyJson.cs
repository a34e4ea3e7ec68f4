using System.Buffers;
using System.Text.Json;

namespace ChainGraph.Model;

/// <summary>Properties as a JSON object, the way stores keep them and JSON formats carry them.</summary>
public static class PropertyJson
{
    public static string Serialize(IReadOnlyDictionary<string, object> properties)
    {
        if (properties.Count == 0) return "{}";
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, properties);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An object with each key set to null: as a JSON merge patch (RFC 7396) it removes those keys.</summary>
    public static string Nulls(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var key in keys) writer.WriteNull(key);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> properties)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string[] a:
                writer.WriteStartArray();
                foreach (var item in a) writer.WriteStringValue(item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"Unsupported property value type {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Reads a stored object back, typing known properties by the schema (a double stored as 1 stays a double).</summary>
    public static Dictionary<string, object> Deserialize(string json, Func<string, PropertyType?> schemaType)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, schemaType);
    }

    public static Dictionary<string, object> Read(JsonElement obj, Func<string, PropertyType?> schemaType)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (!PropertyValues.TryFromJson(p.Value, out var value, out _)) continue;
            properties[p.Name] = schemaType(p.Name) is { } type && PropertyValues.TryCoerce(value, type, out var typed) ? typed : value;
        }
        return properties;
    }
}
