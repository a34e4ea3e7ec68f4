using System.Globalization;
using System.Text.Json;

namespace ChainGraph.Model;

/// <summary>
/// Conversions between text, JSON and the property value types the graph stores:
/// string, long, double, bool and string[].
/// </summary>
public static class PropertyValues
{
    /// <summary>Parses a text cell as the given type; returns false with a message on a wrong value.</summary>
    public static bool TryParse(string text, PropertyType type, char arrayDelimiter, out object value, out string error)
    {
        error = "";
        value = text;
        switch (type)
        {
            case PropertyType.String:
                return true;
            case PropertyType.Long when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                value = l;
                return true;
            case PropertyType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                value = d;
                return true;
            case PropertyType.Boolean when bool.TryParse(text, out var b):
                value = b;
                return true;
            case PropertyType.StringArray:
                value = text.Length == 0 ? Array.Empty<string>() : text.Split(arrayDelimiter);
                return true;
            default:
                error = $"expected {Describe(type)}";
                return false;
        }
    }

    /// <summary>Converts a JSON value; objects, nulls and arrays of non-strings are not property values.</summary>
    public static bool TryFromJson(JsonElement element, out object value, out string error)
    {
        error = "";
        value = "";
        switch (element.ValueKind)
        {
            case JsonValueKind.String when TryGetText(element, out var text):
                value = text;
                return true;
            case JsonValueKind.String:
                error = "the text is not valid UTF-8 or holds a lone surrogate";
                return false;
            case JsonValueKind.Number:
                value = element.TryGetInt64(out var l) ? (object)l : element.GetDouble();
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = element.GetBoolean();
                return true;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && TryGetText(e, out _)):
                value = element.EnumerateArray().Select(e => e.GetString()!).ToArray();
                return true;
            default:
                error = $"unsupported value ({element.ValueKind}); expected a string, number, boolean or array of strings";
                return false;
        }
    }

    /// <summary>
    /// A JSON string's text, or false when it cannot be text: JSON checks its bytes only when a string
    /// is read, and refuses invalid UTF-8 and escaped lone surrogates (<c>"\ud800"</c>) then.
    /// </summary>
    public static bool TryGetText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>A JSON property's name, or false when it cannot be text (see <see cref="TryGetText"/>).</summary>
    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    /// <summary>Brings a value to the schema's type where that loses nothing (1 → 1.0 for a double).</summary>
    public static bool TryCoerce(object value, PropertyType type, out object coerced)
    {
        coerced = value;
        switch (type, value)
        {
            case (PropertyType.String, string):
            case (PropertyType.Long, long):
            case (PropertyType.Boolean, bool):
            case (PropertyType.StringArray, string[]):
                return true;
            case (PropertyType.Double, double d):
                return double.IsFinite(d);
            case (PropertyType.Double, long l):
                coerced = (double)l;
                return true;
            case (PropertyType.Long, double d) when d == Math.Floor(d) && Math.Abs(d) < 9e15:
                coerced = (long)d;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The type a value holds, for properties the schema does not name.</summary>
    public static PropertyType TypeOf(object value) => value switch
    {
        long => PropertyType.Long,
        double => PropertyType.Double,
        bool => PropertyType.Boolean,
        string[] => PropertyType.StringArray,
        _ => PropertyType.String,
    };

    /// <summary>Neo4j admin-import spelling of a type (the part after the colon in a CSV header).</summary>
    public static string CsvTypeName(PropertyType type) => type switch
    {
        PropertyType.Long => "long",
        PropertyType.Double => "double",
        PropertyType.Boolean => "boolean",
        PropertyType.StringArray => "string[]",
        _ => "string",
    };

    public static string Format(object value, char arrayDelimiter) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string[] a => string.Join(arrayDelimiter, a),
        _ => (string)value,
    };

    static string Describe(PropertyType type) => type switch
    {
        PropertyType.Long => "an integer",
        PropertyType.Double => "a number",
        PropertyType.Boolean => "true or false",
        _ => CsvTypeName(type),
    };
}
