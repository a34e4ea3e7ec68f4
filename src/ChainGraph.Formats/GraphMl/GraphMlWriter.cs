using System.Xml;
using ChainGraph.Model;

namespace ChainGraph.Formats.GraphMl;

/// <summary>
/// Writes GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape desktop or NetworkX:
/// a directed graph, one key per property with its GraphML type, the node label as "label" and
/// the relationship type as "type". String arrays are joined with ';' (GraphML has no lists).
/// </summary>
/// <remarks>
/// XML 1.0 cannot carry every string a store holds (a real product name contains a backspace), so
/// each id, key name and value is written through <see cref="GraphMlText.Escape"/>: a C0 control
/// other than tab, line feed and carriage return, U+FFFE, U+FFFF or a lone surrogate becomes the six
/// characters <c>\uXXXX</c> (the UTF-16 code unit in upper-case hex), and a backslash becomes
/// <c>\\</c>, so <see cref="GraphMlText.Unescape"/> restores the exact original. Line breaks are
/// written as character references, which XML readers do not normalise away.
/// </remarks>
public static class GraphMlWriter
{
    /// <summary>Writes the graph to <paramref name="output"/>.</summary>
    /// <returns>How many strings (ids, key names, values) were written escaped.</returns>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<GraphNode> nodes, IAsyncEnumerable<GraphRelationship> relationships,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var nodeList = new List<GraphNode>();
        await foreach (var node in nodes.WithCancellation(cancellationToken)) nodeList.Add(node);
        var relList = new List<GraphRelationship>();
        await foreach (var rel in relationships.WithCancellation(cancellationToken)) relList.Add(rel);
        var nodeKeys = Keys(nodeList.Select(n => n.Properties), "n");
        var edgeKeys = Keys(relList.Select(r => r.Properties), "e");

        var text = new EscapeCounter();
        var settings = new XmlWriterSettings
        {
            Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize,
        };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        WriteKey(xml, "label", "node", "label", "string");
        WriteKey(xml, "type", "edge", "type", "string");
        foreach (var (name, (id, type)) in nodeKeys) WriteKey(xml, id, "node", text.Escape(name), type);
        foreach (var (name, (id, type)) in edgeKeys) WriteKey(xml, id, "edge", text.Escape(name), type);
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "chaingraph");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodeList)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", text.Escape(node.Id));
            WriteData(xml, "label", GraphSchema.Name(node.Label));
            foreach (var (key, value) in node.Properties) WriteData(xml, nodeKeys[key].Id, text.Escape(value));
            xml.WriteEndElement();
        }
        foreach (var rel in relList)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("source", text.Escape(rel.StartId));
            xml.WriteAttributeString("target", text.Escape(rel.EndId));
            WriteData(xml, "type", GraphSchema.Name(rel.Type));
            foreach (var (key, value) in rel.Properties) WriteData(xml, edgeKeys[key].Id, text.Escape(value));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return text.Count;
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

    sealed class EscapeCounter
    {
        public int Count { get; private set; }

        public string Escape(object value)
        {
            var original = PropertyValues.Format(value, ';');
            var escaped = GraphMlText.Escape(original);
            if (escaped.Length != original.Length) Count++;
            return escaped;
        }
    }
}
