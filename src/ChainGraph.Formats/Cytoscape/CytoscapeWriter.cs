using System.Text.Json;
using ChainGraph.Model;

namespace ChainGraph.Formats.Cytoscape;

/// <summary>
/// Writes Cytoscape.js elements JSON: <c>{"elements":{"nodes":[{"data":{...}}],"edges":[{"data":{...}}]}}</c>.
/// Node data carries id, label and the properties; edge data carries id (TYPE:start->end),
/// source, target, type and the properties.
/// </summary>
public static class CytoscapeWriter
{
    static readonly HashSet<string> Reserved = ["id", "label", "source", "target", "type", "parent"];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Json.Encoder });
        writer.WriteStartObject();
        writer.WriteStartObject("elements");
        writer.WriteStartArray("nodes");
        await foreach (var node in nodes.WithCancellation(cancellationToken))
        {
            WriteElement(writer, [("id", node.Id), ("label", GraphSchema.Name(node.Label))], node.Properties);
            if (writer.BytesPending > 1 << 16) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("edges");
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
        {
            var type = GraphSchema.Name(rel.Type);
            WriteElement(writer, [("id", EdgeId(rel)), ("source", rel.StartId), ("target", rel.EndId), ("type", type)], rel.Properties);
            if (writer.BytesPending > 1 << 16) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The element id of a relationship: unique because a (type, start, end) exists at most once.</summary>
    public static string EdgeId(GraphRelationship rel) => $"{GraphSchema.Name(rel.Type)}:{rel.StartId}->{rel.EndId}";

    static void WriteElement(Utf8JsonWriter writer, (string Key, string Value)[] fixedData, IReadOnlyDictionary<string, object> properties)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        foreach (var (key, value) in fixedData) writer.WriteString(key, value);
        foreach (var (key, value) in properties)
        {
            // Cytoscape reads these keys itself; a property of the same name keeps its value under a prefix.
            writer.WritePropertyName(Reserved.Contains(key) ? "prop_" + key : key);
            PropertyJson.WriteValue(writer, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
