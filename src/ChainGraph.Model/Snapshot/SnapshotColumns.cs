using System.Collections.Frozen;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// Which properties become snapshot columns and how a value is read: the one definition every
/// store's loader and every in-memory builder follows, so a snapshot is the same whatever it came from.
/// </summary>
public static class SnapshotColumns
{
    public static PropertySpec Province { get; } = new("province", PropertyType.String);

    public static PropertySpec City { get; } = new("city", PropertyType.String);

    public static PropertySpec Country { get; } = new("country", PropertyType.String);

    public static PropertySpec Tags { get; } = new("tags", PropertyType.StringArray);

    public static PropertySpec Stage { get; } = new("stage", PropertyType.String);

    public static PropertySpec Order { get; } = new("order", PropertyType.Long);

    public static PropertySpec Match { get; } = new("match", PropertyType.String);

    public static PropertySpec Sector { get; } = new("sector", PropertyType.String);

    public static PropertySpec Capacity { get; } = new("capacity", PropertyType.Double);

    /// <summary>Every node column, in the order loaders ask their store for them.</summary>
    public static IReadOnlyList<PropertySpec> Node { get; } = [Province, City, Country, Tags, Stage, Order, Match, Sector, Capacity];

    static readonly FrozenDictionary<string, int> Positions =
        Enumerable.Range(0, Node.Count).ToFrozenDictionary(i => Node[i].Name, StringComparer.Ordinal);

    /// <summary>The position of a column's key in <see cref="Node"/>, where a loader's row holds its value.</summary>
    public static int IndexOf(string key) => Positions[key];

    /// <summary>
    /// A column's value in the column's type (1 becomes 1.0 for a double), or null when the property
    /// is absent or holds something else: a store never fails a snapshot over one odd value.
    /// </summary>
    /// <param name="property">A property's value by key (string, long, double, bool or string[]), null when absent.</param>
    public static object? Read(PropertySpec column, Func<string, object?> property)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(property);
        return property(column.Name) is { } value && PropertyValues.TryCoerce(value, column.Type, out var typed) ? typed : null;
    }

    /// <summary>The property the analyses read as a relationship's weight (<see cref="RelationshipSpec.WeightProperty"/>), if any.</summary>
    public static string? WeightProperty(RelType type) => GraphSchema.Spec(type).WeightProperty;

    /// <summary>An edge weight from its weight property's value; NaN when there is none or it is not a number.</summary>
    public static float Weight(object? value) =>
        value is not null && PropertyValues.TryCoerce(value, PropertyType.Double, out var number) ? (float)(double)number : float.NaN;
}
