using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Internal;

/// <summary>
/// One JSON object of a JSON Lines file. Field reads never throw: the first problem is kept in
/// <see cref="Error"/> (naming the field and the value) so the reader can reject the row.
/// </summary>
internal sealed class JsonRow(JsonElement root, SourceLocation at)
{
    public SourceLocation At { get; } = at;

    public JsonElement Root { get; } = root;

    public string? Error { get; private set; }

    public string Text(string field) => Text(Root, field);

    public string Text(JsonElement obj, string field)
    {
        if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return Fail($"field '{field}' is missing", "");
        return value.ValueKind == JsonValueKind.String ? value.GetString()!
            : Fail($"field '{field}': expected a string. Got: {Raw(value)}", "");
    }

    public double? Number(string field)
    {
        if (!Root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        return Fail<double?>($"field '{field}': expected a number. Got: {Raw(value)}", null);
    }

    /// <summary>The object's members as properties (objects and nulls inside are rejected).</summary>
    public Dictionary<string, object> Properties(JsonElement obj, string field)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (obj.ValueKind == JsonValueKind.Undefined || obj.ValueKind == JsonValueKind.Null) return properties;
        if (obj.ValueKind != JsonValueKind.Object) return Fail($"field '{field}': expected an object. Got: {Raw(obj)}", properties);
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            if (!PropertyValues.TryFromJson(p.Value, out var value, out var error)) return Fail($"field '{field}.{p.Name}': {error}", properties);
            properties[p.Name] = value;
        }
        return properties;
    }

    public T Fail<T>(string message, T fallback)
    {
        Error ??= message;
        return fallback;
    }

    string Fail(string message, string fallback) => Fail<string>(message, fallback);

    static string Raw(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
