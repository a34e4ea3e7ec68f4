using System.Xml;
using System.Xml.Linq;
using ChainGraph.Formats.GraphMl;
using ChainGraph.Model;

namespace ChainGraph.Formats.Tests;

public sealed class GraphMlWriterTests
{
    static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public async Task Export_ProductNameWithBackspace_WritesValidXmlAndCountsTheEscape()
    {
        GraphNode[] nodes = [Product("小\b大肠"), Product("消化系统")];
        GraphRelationship[] rels = [new(RelType.InputTo, "小\b大肠", "消化系统", new Dictionary<string, object>())];

        var (escaped, xml) = await WriteAsync(nodes, rels);

        // The node's id and name, and the edge's source.
        Assert.Equal(3, escaped);
        Assert.Equal(["小\\u0008大肠", "消化系统"], xml.Descendants(GraphMl + "node").Select(n => n.Attribute("id")!.Value));
        Assert.Equal("小\\u0008大肠", xml.Descendants(GraphMl + "edge").Single().Attribute("source")!.Value);
    }

    [Fact]
    public async Task Export_EveryCharacterXmlCannotCarry_ReadsBackAndUnescapesToTheOriginal()
    {
        string[] names =
        [
            "\0 \b \v \f \u001F", "\uFFFE\uFFFF", "lone \uD800 high", "lone \uDC00 low", "swapped \uDC00\uD800",
            @"C:\data\u0008 written out", @"\\", "pair 😀 kept", "tab\t LF\n CR\r CRLF\r\n kept",
        ];
        var nodes = names.Select((name, i) => Product(name, $"p{i}")).Append(
            new GraphNode("odd-key", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "x", ["note\u0007"] = "y" }));

        var (escaped, xml) = await WriteAsync(nodes, []);

        var nameKey = xml.Descendants(GraphMl + "key").Single(k => k.Attribute("attr.name")!.Value == "name").Attribute("id")!.Value;
        var written = xml.Descendants(GraphMl + "data").Where(d => d.Attribute("key")!.Value == nameKey).Select(d => d.Value).ToList();
        Assert.Equal([.. names, "x"], written.Select(GraphMlText.Unescape));
        Assert.Contains(xml.Descendants(GraphMl + "key"), k => k.Attribute("attr.name")!.Value == @"note\u0007");
        // Seven names, and the odd key's name; the pair, tab and line breaks need no escape.
        Assert.Equal(8, escaped);
    }

    [Fact]
    public void Escape_TextXmlCanCarryWithoutBackslash_IsReturnedAsIs()
    {
        const string text = "宁德时代 (CATL)\t😀\n";

        Assert.Same(text, GraphMlText.Escape(text));
    }

    static GraphNode Product(string name, string? id = null) =>
        new(id ?? name, NodeLabel.Product, new Dictionary<string, object> { ["name"] = name });

    /// <summary>Writes, then parses with a checking XmlReader, which throws on any character XML 1.0 cannot carry.</summary>
    static async Task<(int Escaped, XDocument Xml)> WriteAsync(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> rels)
    {
        using var stream = new MemoryStream();
        var escaped = await GraphMlWriter.WriteAsync(stream, nodes.ToAsyncEnumerable(), rels.ToAsyncEnumerable());
        stream.Position = 0;
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { CheckCharacters = true });
        return (escaped, XDocument.Load(reader));
    }
}
