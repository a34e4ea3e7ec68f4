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

    /// <summary>A field that may be absent or null (then null); any other value must be a string.</summary>
    public string? OptionalText(string field) =>
        !Root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null : Text(Root, field);

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
            if (!Value(p.Value, out var value, out var error)) return Fail($"field '{field}.{p.Name}': {error}", properties);
            properties[p.Name] = value;
        }
        return properties;
    }

    /// <summary>
    /// A property value: an integer stays a long (<see cref="PropertyValues.TryFromJson"/> widens
    /// every number to double), and a number too large for a double (1e400) is refused, as no
    /// store can write infinity.
    /// </summary>
    static bool Value(JsonElement element, out object value, out string error)
    {
        if (element.ValueKind != JsonValueKind.Number) return PropertyValues.TryFromJson(element, out value, out error);
        error = "";
        if (element.TryGetInt64(out var integer))
        {
            value = integer;
            return true;
        }
        var number = element.GetDouble();
        value = number;
        if (double.IsFinite(number)) return true;
        error = $"expected a finite number. Got: {Raw(element)}";
        return false;
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
