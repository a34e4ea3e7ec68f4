
namespace ChainGraph.Model;

/// <summary>Checks ids and properties against <see cref="GraphSchema"/>, bringing values to the schema's types.</summary>
public static class GraphValidator
{
    /// <summary>Longest id accepted; ids are keys, not documents.</summary>
    public const int MaxIdLength = 1024;

    public static string? CheckId(string? id, string field) =>
        string.IsNullOrWhiteSpace(id) ? $"field '{field}' is missing or empty"
        : id.Length > MaxIdLength ? $"field '{field}' is longer than {MaxIdLength} characters. Got: '{id[..40]}…'"
        : null;

    /// <summary>
    /// Validates and coerces node properties in place; returns the first error or null. A
    /// <paramref name="partial"/> set, which updates a node that exists, may leave required properties out.
    /// </summary>
    public static string? CheckNode(NodeLabel label, Dictionary<string, object> properties, bool partial = false) =>
        Check(GraphSchema.Properties(label), properties, GraphSchema.Name(label), partial);

    public static string? CheckRelationship(RelType type, Dictionary<string, object> properties) =>
        Check(GraphSchema.Spec(type).Properties, properties, GraphSchema.Name(type), partial: false);

    static string? Check(IReadOnlyList<PropertySpec> specs, Dictionary<string, object> properties, string owner, bool partial)
    {
        foreach (var spec in specs)
        {
            if (!properties.TryGetValue(spec.Name, out var value))
            {
                if (spec.Required && !partial) return $"field '{spec.Name}' is required for {owner}";
                continue;
            }
            if (!PropertyValues.TryCoerce(value, spec.Type, out var coerced))
                return $"field '{spec.Name}' of {owner}: expected {PropertyValues.CsvTypeName(spec.Type)}. Got: '{PropertyValues.Format(value, ';')}'";
            if (spec.AllowedValues is { } allowed && coerced is string s && !allowed.Contains(s))
                return $"field '{spec.Name}' of {owner}: expected one of {string.Join('|', allowed)}. Got: '{s}'";
            if (spec.Required && coerced is string text && string.IsNullOrWhiteSpace(text))
                return $"field '{spec.Name}' is required for {owner} and is empty";
            properties[spec.Name] = coerced;
        }
        return null;
    }
}
