using System.Text.Json;
using ChainGraph.Formats.Internal;
using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.JsonLines;

/// <summary>
/// Reads JSON Lines in the shape of APOC's JSON export, one record per line, from a file or a
/// folder of *.jsonl files:
/// <c>{"type":"node","id":"300750","labels":["Enterprise"],"properties":{...}}</c> and
/// <c>{"type":"relationship","label":"MAKES","start":{"id":"300750","labels":["Enterprise"]},"end":{"id":"动力电池"},"properties":{...}}</c>.
/// An endpoint's labels and properties are used to create it when it exists nowhere else.
/// </summary>
public sealed class JsonLinesReader : IGraphReader
{
    public string Format => "jsonl";

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var file in GraphReaders.Files(path, ".jsonl"))
        {
            foreach (var row in JsonLinesFile.Read(file, batch, System.IO.Path.GetFileName(file)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (row.Text("type"))
                {
                    case "node": Node(row, batch); break;
                    case "relationship": Relationship(row, batch); break;
                    case var other: batch.Reject(row.At, row.Error ?? $"field 'type': expected node or relationship. Got: '{other}'"); break;
                }
            }
        }
    }

    static void Node(JsonRow row, GraphBatch batch)
    {
        var id = row.Text("id");
        var label = Label(row, row.Root, "labels");
        var properties = row.Properties(Member(row.Root, "properties"), "properties");
        if (row.Error is not null || label is null) batch.Reject(row.At, row.Error ?? "field 'labels' is missing");
        else batch.AddNode(id, label.Value, properties, row.At);
    }

    static void Relationship(JsonRow row, GraphBatch batch)
    {
        var typeName = row.Text("label");
        var start = Endpoint(row, "start");
        var end = Endpoint(row, "end");
        var properties = row.Properties(Member(row.Root, "properties"), "properties");
        if (row.Error is null && !GraphSchema.TryParseRelType(typeName, out _))
            row.Fail($"field 'label': expected one of {string.Join('|', GraphSchema.RelTypes.Select(GraphSchema.Name))}. Got: '{typeName}'", 0);
        if (row.Error is not null)
        {
            batch.Reject(row.At, row.Error);
            return;
        }
        GraphSchema.TryParseRelType(typeName, out var type);
        batch.AddRelationship(type, start, end, properties, row.At);
    }

    static EndpointRef Endpoint(JsonRow row, string field)
    {
        var obj = Member(row.Root, field);
        if (obj.ValueKind != JsonValueKind.Object) return row.Fail($"field '{field}': expected an object with an id", new EndpointRef(""));
        var properties = obj.TryGetProperty("properties", out _) ? row.Properties(Member(obj, "properties"), field + ".properties") : null;
        return new EndpointRef(row.Text(obj, "id"), Label(row, obj, "labels", optional: true), properties);
    }

    static NodeLabel? Label(JsonRow row, JsonElement obj, string field, bool optional = false)
    {
        var labels = Member(obj, field);
        if (labels.ValueKind != JsonValueKind.Array) return optional ? null : row.Fail<NodeLabel?>($"field '{field}' is missing", null);
        var known = labels.EnumerateArray()
            .Select(l => l.ValueKind == JsonValueKind.String && GraphSchema.TryParseLabel(l.GetString()!, out var label) ? label : (NodeLabel?)null)
            .OfType<NodeLabel>().ToList();
        return known.Count == 1 ? known[0]
            : row.Fail<NodeLabel?>($"field '{field}': expected exactly one of {string.Join('|', GraphSchema.Labels)}. Got: {labels.GetRawText()}", null);
    }

    static JsonElement Member(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value : default;
}
