using System.Collections.Frozen;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Model;

/// <summary>
/// The graph contract: labels, relationship types, the endpoints each type joins and the
/// properties the schema checks. Properties it does not name are kept as they come.
/// </summary>
public static class GraphSchema
{
    static readonly PropertySpec NameSpec = new("name", PropertyType.String, Required: true);

    static readonly FrozenDictionary<NodeLabel, PropertySpec[]> NodeProperties = new Dictionary<NodeLabel, PropertySpec[]>
    {
        [NodeLabel.Enterprise] =
        [
            NameSpec, new("fullName", PropertyType.String), new("code", PropertyType.String),
            new("country", PropertyType.String), new("province", PropertyType.String), new("city", PropertyType.String),
            new("tags", PropertyType.StringArray), new("tagNotes", PropertyType.StringArray),
            new("size", PropertyType.String, AllowedValues: ["large", "medium", "small"]),
            new("capacity", PropertyType.Double),
        ],
        [NodeLabel.Product] = [NameSpec],
        [NodeLabel.Segment] =
        [
            NameSpec, new("stage", PropertyType.String, Required: true, AllowedValues: ["upstream", "midstream", "downstream"]),
            new("order", PropertyType.Long), new("match", PropertyType.String),
        ],
        [NodeLabel.Chain] = [NameSpec, new("sector", PropertyType.String, AllowedValues: Chains.StrategicSectors.All), new("match", PropertyType.String)],
        [NodeLabel.Industry] = [NameSpec, new("code", PropertyType.String), new("level", PropertyType.Long)],
        [NodeLabel.Region] =
        [
            NameSpec, new("level", PropertyType.String, AllowedValues: ["country", "province", "city", "county"]), new("code", PropertyType.String),
        ],
        [NodeLabel.Cluster] = [NameSpec, new("level", PropertyType.String, AllowedValues: ["national", "provincial", "municipal"])],
        [NodeLabel.InnovationCentre] = [NameSpec, new("kind", PropertyType.String)],
    }.ToFrozenDictionary();

    static readonly FrozenDictionary<RelType, RelationshipSpec> Relationships = new RelationshipSpec[]
    {
        new(RelType.Makes, "MAKES", [NodeLabel.Enterprise], [NodeLabel.Product],
            [new("share", PropertyType.Double), new("volume", PropertyType.Double)], "volume"),
        new(RelType.Supplies, "SUPPLIES", [NodeLabel.Enterprise], [NodeLabel.Enterprise],
            [new("product", PropertyType.String), new("volume", PropertyType.Double)], "volume"),
        new(RelType.InputTo, "INPUT_TO", [NodeLabel.Product], [NodeLabel.Product],
            [new("substituteGroup", PropertyType.Long)], "substituteGroup", NoSelfLoops: true),
        new(RelType.SubtypeOf, "SUBTYPE_OF", [NodeLabel.Product], [NodeLabel.Product], [], null, NoSelfLoops: true),
        new(RelType.InSegment, "IN_SEGMENT", [NodeLabel.Product], [NodeLabel.Segment], [], null),
        new(RelType.Feeds, "FEEDS", [NodeLabel.Segment], [NodeLabel.Segment], [], null),
        new(RelType.PartOf, "PART_OF", [NodeLabel.Segment], [NodeLabel.Chain], [], null),
        new(RelType.InIndustry, "IN_INDUSTRY", [NodeLabel.Enterprise], [NodeLabel.Industry], [], null),
        new(RelType.Parent, "PARENT", [NodeLabel.Industry], [NodeLabel.Industry], [], null),
        new(RelType.UpstreamOf, "UPSTREAM_OF", [NodeLabel.Industry], [NodeLabel.Industry], [new("weight", PropertyType.Double)], "weight"),
        new(RelType.LocatedIn, "LOCATED_IN",
            [NodeLabel.Enterprise, NodeLabel.Region, NodeLabel.Cluster, NodeLabel.InnovationCentre], [NodeLabel.Region], [], null),
        new(RelType.MemberOf, "MEMBER_OF", [NodeLabel.Enterprise], [NodeLabel.Cluster], [], null),
        new(RelType.Supports, "SUPPORTS", [NodeLabel.InnovationCentre], [NodeLabel.Segment, NodeLabel.Product], [], null),
        new(RelType.Partners, "PARTNERS", [NodeLabel.InnovationCentre], [NodeLabel.Enterprise], [], null),
    }.ToFrozenDictionary(s => s.Type);

    static readonly FrozenDictionary<string, RelType> RelTypesByName =
        Relationships.Values.ToFrozenDictionary(s => s.Name, s => s.Type, StringComparer.Ordinal);

    static readonly FrozenDictionary<string, NodeLabel> LabelsByName =
        Enum.GetValues<NodeLabel>().ToFrozenDictionary(l => l.ToString(), l => l, StringComparer.Ordinal);

    /// <summary>All labels, in contract order.</summary>
    public static IReadOnlyList<NodeLabel> Labels { get; } = Enum.GetValues<NodeLabel>();

    /// <summary>All relationship types, in contract order.</summary>
    public static IReadOnlyList<RelType> RelTypes { get; } = Enum.GetValues<RelType>();

    public static string Name(NodeLabel label) => label.ToString();

    /// <summary>What a label is called in a sentence: 企业 / Enterprise.</summary>
    public static Phrase Said(NodeLabel label) => label switch
    {
        NodeLabel.Enterprise => new("企业", "Enterprise"),
        NodeLabel.Product => new("产品", "Product"),
        NodeLabel.Segment => new("环节", "Segment"),
        NodeLabel.Chain => new("产业链", "Chain"),
        NodeLabel.Industry => new("行业", "Industry"),
        NodeLabel.Region => new("地区", "Region"),
        NodeLabel.Cluster => new("集群", "Cluster"),
        _ => new("创新平台", "InnovationCentre"),
    };

    public static string Name(RelType type) => Relationships[type].Name;

    public static bool TryParseLabel(string name, out NodeLabel label) => LabelsByName.TryGetValue(name, out label);

    public static bool TryParseRelType(string name, out RelType type) => RelTypesByName.TryGetValue(name, out type);

    /// <summary>The label a request names, or null when it names none.</summary>
    /// <exception cref="InvalidRequestException">Not a label; <paramref name="field"/> names the parameter.</exception>
    public static NodeLabel? ParseLabel(string? name, string field) => name is null ? null
        : TryParseLabel(name, out var label) ? label
        : throw new InvalidRequestException(field, name, $"Unknown label '{name}'. Expected one of: {string.Join(", ", Labels.Select(Name))}.");

    /// <summary>The relationship type a request names, or null when it names none.</summary>
    /// <exception cref="InvalidRequestException">Not a relationship type; <paramref name="field"/> names the parameter.</exception>
    public static RelType? ParseRelType(string? name, string field) => name is null ? null
        : TryParseRelType(name, out var type) ? type
        : throw new InvalidRequestException(field, name, $"Unknown relationship type '{name}'. Expected one of: {string.Join(", ", RelTypes.Select(Name))}.");

    public static IReadOnlyList<PropertySpec> Properties(NodeLabel label) => NodeProperties[label];

    public static RelationshipSpec Spec(RelType type) => Relationships[type];

    /// <summary>The schema's type for a property, or null when the schema does not name it.</summary>
    public static PropertyType? TypeOf(NodeLabel label, string property) =>
        Array.Find(NodeProperties[label], p => p.Name == property)?.Type;

    public static PropertyType? TypeOf(RelType type, string property) =>
        Relationships[type].Properties.FirstOrDefault(p => p.Name == property)?.Type;
}

/// <summary>What a relationship type joins and carries.</summary>
/// <param name="WeightProperty">The numeric property the analyses read as the edge weight, if any.</param>
/// <param name="NoSelfLoops">True when an edge from a node to itself is meaningless and rejected.</param>
public sealed record RelationshipSpec(
    RelType Type,
    string Name,
    NodeLabel[] StartLabels,
    NodeLabel[] EndLabels,
    PropertySpec[] Properties,
    string? WeightProperty,
    bool NoSelfLoops = false);
