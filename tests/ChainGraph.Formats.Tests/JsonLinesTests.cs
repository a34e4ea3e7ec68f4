using ChainGraph.Formats.JsonLines;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class JsonLinesTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Import_MalformedLineWrongTypeAndMissingField_AreRejectedAndGoodRowsKept()
    {
        var path = folder.Write("demo.jsonl", string.Join('\n',
            """{"type":"node","id":"300750","labels":["Enterprise"],"properties":{"name":"宁德时代","tags":["链主"]}}""",
            """{"type":"node","id":"x" "labels":[]}""",
            """{"type":"relationship","label":"MAKES","start":{"id":"300750"},"end":{"id":"动力电池","labels":["Product"]},"properties":{"share":"high"}}""",
            """{"type":"relationship","label":"MAKES","start":{"id":"300750"},"end":{"id":"动力电池","labels":["Product"]},"properties":{"share":0.7}}""",
            """{"type":"node","id":"p","labels":["Product"],"properties":{}}""",
            """{"type":"edge"}"""));
        var batch = new GraphBatch();

        new JsonLinesReader().Read(path, batch);
        var plan = batch.Resolve(new Dictionary<string, NodeLabel>());

        Assert.Equal([2L, 3L, 5L, 6L], plan.Rejected.Select(r => r.Line));
        Assert.StartsWith("malformed JSON", plan.Rejected[0].Reason);
        Assert.Equal("field 'share' of MAKES: expected double. Got: 'high'", plan.Rejected[1].Reason);
        Assert.Equal("field 'name' is required for Product", plan.Rejected[2].Reason);
        Assert.Equal(["300750", "动力电池"], plan.Nodes.Select(n => n.Id));
        Assert.Equal(0.7, Assert.Single(plan.Relationships).Properties["share"]);
    }

    [Fact]
    public async Task WriteThenRead_RoundTrips()
    {
        GraphNode[] nodes = [new("p", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "碳酸锂" })];
        GraphRelationship[] rels = [new(RelType.InputTo, "p", "q", new Dictionary<string, object>())];
        var path = folder.File("out.jsonl");
        await using (var stream = File.Create(path))
            await JsonLinesWriter.WriteAsync(stream, nodes.ToAsyncEnumerable(), rels.ToAsyncEnumerable());
        var batch = new GraphBatch();

        new JsonLinesReader().Read(path, batch);
        var plan = batch.Resolve(new Dictionary<string, NodeLabel>());

        Assert.Empty(plan.Rejected);
        Assert.Equal(["p", "q"], plan.Nodes.Select(n => n.Id));
        Assert.Contains("碳酸锂", File.ReadAllText(path));
    }

    [Fact]
    public async Task Write_BackspaceAndLoneSurrogate_WritesValidJsonKeepingTheBackspace()
    {
        GraphNode[] nodes =
        [
            new("小\b大肠", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "小\b大肠" }),
            new("lone", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "a\uD800b" }),
        ];
        var path = folder.File("out.jsonl");
        await using (var stream = File.Create(path))
            await JsonLinesWriter.WriteAsync(stream, nodes.ToAsyncEnumerable(), AsyncEnumerable.Empty<GraphRelationship>());
        var batch = new GraphBatch();

        new JsonLinesReader().Read(path, batch);
        var plan = batch.Resolve(new Dictionary<string, NodeLabel>());

        // JSON escapes the control character itself; UTF-8 cannot carry a lone surrogate, which becomes U+FFFD.
        Assert.Empty(plan.Rejected);
        Assert.Equal(["小\b大肠", "a\uFFFDb"], plan.Nodes.Select(n => n.Name));
    }
}
