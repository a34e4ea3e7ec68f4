namespace ChainGraph.Model;

/// <summary>Value types a property can hold; names follow Neo4j's admin-import column types.</summary>
public enum PropertyType
{
    String,
    Long,
    Double,
    Boolean,
    StringArray,
}

/// <summary>A property the schema knows: its name, type and whether a record must carry it.</summary>
public sealed record PropertySpec(string Name, PropertyType Type, bool Required = false, IReadOnlyList<string>? AllowedValues = null);
