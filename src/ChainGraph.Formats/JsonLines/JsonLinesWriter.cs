using System.Text.Json;
using ChainGraph.Model;

namespace ChainGraph.Formats.JsonLines;

/// <summary>Writes the graph as JSON Lines in the shape <see cref="JsonLinesReader"/> reads.</summary>
public static class JsonLinesWriter
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Json.Encoder });
        await foreach (var node in nodes.WithCancellation(cancellationToken))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "node");
            writer.WriteString("id", node.Id);
            writer.WriteStartArray("labels");
            writer.WriteStringValue(GraphSchema.Name(node.Label));
            writer.WriteEndArray();
            writer.WritePropertyName("properties");
            PropertyJson.Write(writer, node.Properties);
            writer.WriteEndObject();
            await EndLineAsync(writer, output, cancellationToken);
        }
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "relationship");
            writer.WriteString("label", GraphSchema.Name(rel.Type));
            writer.WriteStartObject("start");
            writer.WriteString("id", rel.StartId);
            writer.WriteEndObject();
            writer.WriteStartObject("end");
            writer.WriteString("id", rel.EndId);
            writer.WriteEndObject();
            writer.WritePropertyName("properties");
            PropertyJson.Write(writer, rel.Properties);
            writer.WriteEndObject();
            await EndLineAsync(writer, output, cancellationToken);
        }
    }

    static async Task EndLineAsync(Utf8JsonWriter writer, Stream output, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        output.WriteByte((byte)'\n');
        writer.Reset();
    }
}
