using ChainGraph.Formats.Csv;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class AdminImportCsvTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    ImportPlan Read(string path)
    {
        var batch = new GraphBatch();
        new AdminImportCsvReader().Read(path, batch);
        return batch.Resolve(new Dictionary<string, NodeLabel>());
    }

    [Fact]
    public void Import_BadRows_AreReportedWithFileAndLineAndEveryGoodRowKept()
    {
        folder.Write("nodes.csv", """
            id:ID,:LABEL,name,tags:string[],capacity:double
            300750,Enterprise,宁德时代,链主;上市,500
            002460,Enterprise,"赣锋锂业",,abc
            "bad,Enterprise,未闭合
            """.Replace("\r", ""));
        folder.Write("rels.csv", """
            :START_ID,:END_ID,:TYPE,share:float
            300750,动力电池,MAKES,0.7
            300750,碳酸锂,MAKES,not-a-number
            300750,300750,SUPPLIES
            300750,动力电池,SUPPORTS,
            """.Replace("\r", ""));

        var plan = Read(folder.Path);

        Assert.Equal(
        [
            ("nodes.csv", 3L, "field 'capacity': expected a number. Got: 'abc'"),
            ("nodes.csv", 4L, "unterminated quoted field starting on line 4"),
            ("rels.csv", 3L, "field 'share': expected a number. Got: 'not-a-number'"),
            ("rels.csv", 4L, "expected 4 fields, found 3"),
            ("rels.csv", 5L, "SUPPORTS must start at InnovationCentre; '300750' has label Enterprise"),
        ], plan.Rejected.Select(r => (r.File, r.Line, r.Reason)));
        Assert.Equal(["300750", "动力电池"], plan.Nodes.Select(n => n.Id));
        Assert.Equal(["链主", "上市"], (string[])plan.Nodes[0].Properties["tags"]);
        Assert.Equal(0.7, Assert.Single(plan.Relationships).Properties["share"]);
    }

    [Fact]
    public void Import_QuotedFieldsWithCommasQuotesAndLineBreaks_AreRead()
    {
        folder.Write("nodes.csv", "id:ID,:LABEL,name\np1,Product,\"a, \"\"b\"\"\nc\"\np2,Product,plain\n");

        var plan = Read(folder.File("nodes.csv"));

        Assert.Empty(plan.Rejected);
        Assert.Equal(["a, \"b\"\nc", "plain"], plan.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Import_IdSpaceNamesTheLabelOfACreatedEndpoint()
    {
        folder.Write("rels.csv", ":START_ID(Enterprise),:END_ID(Product),:TYPE\n300750,动力电池,MAKES\n");

        var plan = Read(folder.Path);

        Assert.Equal([NodeLabel.Enterprise, NodeLabel.Product], plan.Nodes.Select(n => n.Label));
    }

    [Fact]
    public void Header_WithoutIdOrEndpoints_IsRefusedNamingTheFile()
    {
        folder.Write("odd.csv", "name,size\nx,1\n");

        var error = Assert.Throws<FormatException>(() => Read(folder.Path));

        Assert.Contains("odd.csv", error.Message);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsEveryNodeRelationshipAndProperty()
    {
        GraphNode[] nodes =
        [
            new("300750", NodeLabel.Enterprise, new Dictionary<string, object>
            {
                ["name"] = "宁德时代, \"CATL\"", ["tags"] = new[] { "链主", "上市" }, ["capacity"] = 500.5, ["rank"] = 1L, ["listed"] = true,
            }),
            new("动力电池", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "动力\n电池" }),
        ];
        GraphRelationship[] rels = [new(RelType.Makes, "300750", "动力电池", new Dictionary<string, object> { ["share"] = 0.25 })];

        await AdminImportCsvWriter.WriteAsync(folder.Path, nodes.ToAsyncEnumerable(), rels.ToAsyncEnumerable());
        var plan = Read(folder.Path);

        Assert.Empty(plan.Rejected);
        Assert.Equal(nodes.Select(n => (n.Id, n.Label)), plan.Nodes.Select(n => (n.Id, n.Label)));
        Assert.Equal(nodes[0].Properties.OrderBy(p => p.Key), plan.Nodes[0].Properties.OrderBy(p => p.Key));
        Assert.Equal("动力\n电池", plan.Nodes[1].Name);
        Assert.Equal(0.25, Assert.Single(plan.Relationships).Properties["share"]);
    }

    [Fact]
    public async Task WriteThenRead_BackspaceAndLoneSurrogate_KeepsTheBackspace()
    {
        GraphNode[] nodes =
        [
            new("小\b大肠", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "小\b大肠" }),
            new("lone", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "a\uD800b" }),
        ];

        await AdminImportCsvWriter.WriteAsync(folder.File("export"), nodes.ToAsyncEnumerable(), AsyncEnumerable.Empty<GraphRelationship>());
        var plan = Read(folder.File("export"));

        // UTF-8 cannot carry a lone surrogate: the encoder writes U+FFFD in its place.
        Assert.Empty(plan.Rejected);
        Assert.Equal(["小\b大肠", "a\uFFFDb"], plan.Nodes.Select(n => n.Name));
    }
}
