using ChainGraph.Model;

namespace ChainGraph.Storage;

/// <summary>Node counts per label and relationship counts per type, every label and type listed.</summary>
public sealed record GraphStats(IReadOnlyDictionary<string, long> Nodes, IReadOnlyDictionary<string, long> Relationships)
{
    public static GraphStats From(IReadOnlyDictionary<string, long> nodes, IReadOnlyDictionary<string, long> relationships) => new(
        GraphSchema.Labels.ToDictionary(GraphSchema.Name, l => nodes.GetValueOrDefault(GraphSchema.Name(l))),
        GraphSchema.RelTypes.ToDictionary(GraphSchema.Name, t => relationships.GetValueOrDefault(GraphSchema.Name(t))));

    public long NodeTotal => Nodes.Values.Sum();

    public long RelationshipTotal => Relationships.Values.Sum();
}
