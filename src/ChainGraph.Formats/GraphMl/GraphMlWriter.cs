using System.Xml;
using ChainGraph.Model;

namespace ChainGraph.Formats.GraphMl;

/// <summary>
/// Writes GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape desktop or NetworkX:
/// a directed graph, one key per property with its GraphML type, the node label as "label" and
/// the relationship type as "type". String arrays are joined with ';' (GraphML has no lists).
/// </summary>
public static class GraphMlWriter
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        CancellationToken cancellationToken = default)
    {
        var nodeList = new List<GraphNode>();
        await foreach (var node in nodes.WithCancellation(cancellationToken)) nodeList.Add(node);
        var relList = new List<GraphRelationship>();
        await foreach (var rel in relationships.WithCancellation(cancellationToken)) relList.Add(rel);
        var nodeKeys = Keys(nodeList.Select(n => n.Properties), "n");
        var edgeKeys = Keys(relList.Select(r => r.Properties), "e");

        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        WriteKey(xml, "label", "node", "label", "string");
        WriteKey(xml, "type", "edge", "type", "string");
        foreach (var (name, (id, type)) in nodeKeys) WriteKey(xml, id, "node", name, type);
        foreach (var (name, (id, type)) in edgeKeys) WriteKey(xml, id, "edge", name, type);
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "chaingraph");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodeList)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", node.Id);
            WriteData(xml, "label", GraphSchema.Name(node.Label));
            foreach (var (key, value) in node.Properties) WriteData(xml, nodeKeys[key].Id, Text(value));
            xml.WriteEndElement();
        }
        foreach (var rel in relList)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("source", rel.StartId);
            xml.WriteAttributeString("target", rel.EndId);
            WriteData(xml, "type", GraphSchema.Name(rel.Type));
            foreach (var (key, value) in rel.Properties) WriteData(xml, edgeKeys[key].Id, Text(value));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>Each property name with a key id and its GraphML type; mixed numbers widen to double, anything else mixed to string.</summary>
    static SortedDictionary<string, (string Id, string Type)> Keys(IEnumerable<IReadOnlyDictionary<string, object>> rows, string prefix)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
            foreach (var (key, value) in row)
            {
                var type = value switch { long => "long", double => "double", bool => "boolean", _ => "string" };
                types[key] = !types.TryGetValue(key, out var seen) || seen == type ? type
                    : (seen, type) is ("long", "double") or ("double", "long") ? "double" : "string";
            }
        var keys = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);
        var i = 0;
        foreach (var (name, type) in types) keys[name] = ($"{prefix}{i++}", type);
        return keys;
    }

    static void WriteKey(XmlWriter xml, string id, string target, string name, string type)
    {
        xml.WriteStartElement("key");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", target);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    static void WriteData(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    static string Text(object value) => PropertyValues.Format(value, ';');
}
