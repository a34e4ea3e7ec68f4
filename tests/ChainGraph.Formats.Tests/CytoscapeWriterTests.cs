using System.Text.Json;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Model;

namespace ChainGraph.Formats.Tests;

public sealed class CytoscapeWriterTests
{
    [Fact]
    public async Task Write_BackspaceAndLoneSurrogate_WritesValidJsonKeepingTheBackspace()
    {
        GraphNode[] nodes =
        [
            new("小\b大肠", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "小\b大肠" }),
            new("lone", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "a\uD800b" }),
        ];
        using var stream = new MemoryStream();

        await CytoscapeWriter.WriteAsync(stream, nodes.ToAsyncEnumerable(), AsyncEnumerable.Empty<GraphRelationship>());
        using var json = JsonDocument.Parse(stream.ToArray());

        // JSON escapes the control character itself; UTF-8 cannot carry a lone surrogate, which becomes U+FFFD.
        var names = json.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(["小\b大肠", "a\uFFFDb"], names);
    }
}
