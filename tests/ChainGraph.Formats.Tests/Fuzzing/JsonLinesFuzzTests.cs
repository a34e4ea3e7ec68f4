using System.Text;
using System.Text.Json;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// Fuzzes the jsonl reader: files of APOC-shaped records where known-good nodes and relationships
/// (ids good-…) sit between mutated copies of records about other ids (bad-…).
/// </summary>
public sealed class JsonLinesFuzzTests(ITestOutputHelper output) : IDisposable
{
    const int Cases = 8;
    const int GoodRowsPerCase = 6_000;
    const int MutatedRowsPerCase = 14_000;
    static readonly string[] FileNames = ["a.jsonl", "b.jsonl", "c.jsonl"];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedLinesAmongGoodRows_NeverThrowKeepEveryGoodRowAndAreRejectedByFileAndLine()
    {
        Fuzz.RunCases(output, folder.Path, new JsonLinesReader(), Cases, firstSeed: 1, FuzzSyntax.Json, WriteCase);
    }

    // Regressions: what the fuzzer found, one case each.

    [Fact]
    public void Read_StringEscapingHalfASurrogatePair_IsRejectedByLineWhileAWholePairIsKept()
    {
        var plan = Read(Encoding.UTF8.GetBytes(string.Join('\n',
            """{"type":"node","id":"half\ud800","labels":["Product"],"properties":{"name":"p"}}""",
            """{"type":"node","id":"key","labels":["Product"],"properties":{"n\udc00":"v","name":"p"}}""",
            """{"type":"node","id":"pair","labels":["Product"],"properties":{"name":"\ud83d\ude00"}}""")));

        Assert.Equal([(1L, "malformed JSON: a \\u escape gives half of a UTF-16 surrogate pair"), (2L, "malformed JSON: a \\u escape gives half of a UTF-16 surrogate pair")],
            plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Equal("😀", Assert.Single(plan.Nodes).Name);
    }

    [Fact]
    public void Read_LineThatIsNotUtf8_IsRejectedByLineAndTheNextRowKept()
    {
        byte[] content =
        [
            .. """{"type":"node","id":"latin","labels":["Product"],"properties":{"name":"caf"""u8, 0xE9, .. "\"}}\n"u8,
            .. """{"type":"node","id":"good","labels":["Product"],"properties":{"name":"café"}}"""u8,
        ];

        var plan = Read(content);

        var rejection = Assert.Single(plan.Rejected);
        Assert.Equal((1L, "malformed JSON: the line is not valid UTF-8"), (rejection.Line, rejection.Reason));
        Assert.Equal("café", Assert.Single(plan.Nodes).Name);
    }

    [Fact]
    public void Read_IntegerProperty_StaysAnIntegerWithEveryDigit()
    {
        var plan = Read("""{"type":"node","id":"e","labels":["Enterprise"],"properties":{"name":"n","rank":7,"big":9007199254740993,"ratio":0.5}}"""u8.ToArray());

        var properties = Assert.Single(plan.Nodes).Properties;
        Assert.Equal(7L, Assert.IsType<long>(properties["rank"]));
        Assert.Equal(9007199254740993L, Assert.IsType<long>(properties["big"]));
        Assert.Equal(0.5, Assert.IsType<double>(properties["ratio"]));
    }

    [Fact]
    public void Read_NumberBeyondTheRangeOfADouble_IsRejectedAsNoStoreCanWriteInfinity()
    {
        var plan = Read(Encoding.UTF8.GetBytes(string.Join('\n',
            """{"type":"node","id":"p","labels":["Product"],"properties":{"name":"n","x":1e400}}""",
            """{"type":"relationship","label":"MAKES","start":{"id":"e","labels":["Enterprise"],"properties":{"name":"e","capacity":-1e400}},"end":{"id":"q","labels":["Product"]}}""")));

        Assert.Equal(
        [
            (1L, "field 'properties.x': expected a finite number. Got: 1e400"),
            (2L, "field 'start.properties.capacity': expected a finite number. Got: -1e400"),
        ], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Empty(plan.Nodes);
    }

    ImportPlan Read(byte[] content)
    {
        var path = folder.File("regression.jsonl");
        File.WriteAllBytes(path, content);
        return Fuzz.Read(new JsonLinesReader(), path, "regression");
    }

    static (List<FuzzFile> Files, GoodRows Good) WriteCase(string path, LineMutator mutator)
    {
        var random = mutator.Random;
        var files = FileNames.Select(name => new FuzzFile(name, LineBreaks.LineFeed, random)).ToList();
        var good = new GoodRows();
        var goodRows = Records("good", GoodRowsPerCase, random);
        var badRows = Records("bad", MutatedRowsPerCase, random);
        FuzzFile.Interleave(() => random.Pick(files), 40, goodRows, badRows, mutator, good, random);
        foreach (var file in files) file.Write(path);
        return (files, good);
    }

    /// <summary>Node and relationship records about ids that start with <paramref name="prefix"/>, shuffled.</summary>
    static List<(byte[] Bytes, RowExpectation Expect)> Records(string prefix, int count, Random random)
    {
        var records = new List<(byte[], RowExpectation)>(count);
        var ids = Enum.GetValues<NodeLabel>().ToDictionary(l => l, _ => new List<string>());
        var keys = new HashSet<(RelType, string, string)>();
        var nodeCount = count * 2 / 5;
        for (var n = 0; n < nodeCount; n++)
        {
            var (label, properties) = NodeProperties(n, random);
            var id = $"{prefix}-{n}";
            ids[label].Add(id);
            var bytes = Fuzz.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "node");
                w.WriteString("id", id);
                w.WriteStartArray("labels");
                w.WriteStringValue(GraphSchema.Name(label));
                w.WriteEndArray();
                w.WritePropertyName("properties");
                PropertyJson.Write(w, properties);
                w.WriteEndObject();
            }, escapeNonAscii: random.Next(3) == 0);
            records.Add((bytes, (good, file, row) => good.Node(id, label, properties, file, row)));
        }
        for (var r = 0; records.Count < count; r++)
        {
            var (type, start, end, properties) = RelationshipOf(prefix, r, ids, random);
            if (start.Id == end.Id || !keys.Add((type, start.Id, end.Id))) continue;
            var bytes = Fuzz.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "relationship");
                w.WriteString("label", GraphSchema.Name(type));
                Endpoint(w, "start", start);
                Endpoint(w, "end", end);
                if (properties.Count > 0 || random.Next(2) == 0)
                {
                    w.WritePropertyName("properties");
                    PropertyJson.Write(w, properties);
                }
                w.WriteEndObject();
            }, escapeNonAscii: random.Next(3) == 0);
            records.Add((bytes, (good, file, row) =>
            {
                good.Relationship(type, start.Id, end.Id, properties, file, row);
                foreach (var created in new[] { start, end }.Where(e => e.Created))
                {
                    var nodeProperties = new Dictionary<string, object>(created.Properties ?? new Dictionary<string, object>());
                    nodeProperties.TryAdd("name", created.Id);
                    good.Node(created.Id, created.Label!.Value, nodeProperties, file, row);
                }
            }));
        }
        return [.. records.OrderBy(_ => random.Next())];
    }

    static (NodeLabel, Dictionary<string, object>) NodeProperties(int n, Random random)
    {
        var name = Fuzz.Awkward(random, n);
        switch (n % 5)
        {
            case 0:
                var enterprise = new Dictionary<string, object> { ["name"] = name };
                if (random.Next(2) == 0) enterprise["fullName"] = "江苏" + name;
                if (random.Next(2) == 0) enterprise["tags"] = new[] { "链主", $"标签{n}", "" };
                if (random.Next(2) == 0) enterprise["capacity"] = n + 0.25;
                if (random.Next(2) == 0) enterprise["size"] = random.Pick(["large", "medium", "small"]);
                if (random.Next(2) == 0) enterprise["rank"] = (long)n * 1_000_003;
                if (random.Next(2) == 0) enterprise["listed"] = random.Next(2) == 0;
                return (NodeLabel.Enterprise, enterprise);
            case 1:
                return (NodeLabel.Product, new() { ["name"] = name });
            case 2:
                return (NodeLabel.Segment, new() { ["name"] = name, ["stage"] = random.Pick(["upstream", "midstream", "downstream"]), ["order"] = (long)(n % 7) });
            case 3:
                return (NodeLabel.Region, new() { ["name"] = name, ["level"] = "city", ["code"] = $"{n % 1_000_000:D6}" });
            default:
                return (NodeLabel.Industry, new() { ["name"] = name, ["code"] = $"{n:D6}", ["level"] = (long)(1 + n % 3) });
        }
    }

    static (RelType, EndpointSpec, EndpointSpec, Dictionary<string, object>) RelationshipOf(
        string prefix, int r, Dictionary<NodeLabel, List<string>> ids, Random random)
    {
        EndpointSpec Existing(NodeLabel label) => new(random.Pick(ids[label]), random.Next(2) == 0 ? label : null, null, Created: false);
        EndpointSpec Created(NodeLabel label) => new($"{prefix}-new-{r}", label, random.Next(2) == 0
            ? new Dictionary<string, object> { ["name"] = $"端点 {r}", ["origin"] = "endpoint" } : null, Created: true);
        var properties = new Dictionary<string, object>();
        switch (r % 5)
        {
            case 0:
                if (random.Next(2) == 0) properties["share"] = (r % 997 + 1) / 1024.0;
                if (random.Next(2) == 0) properties["volume"] = r + 0.5;
                return (RelType.Makes, Existing(NodeLabel.Enterprise), random.Next(4) == 0 ? Created(NodeLabel.Product) : Existing(NodeLabel.Product), properties);
            case 1:
                properties["product"] = $"碳酸锂 {r}";
                return (RelType.Supplies, Existing(NodeLabel.Enterprise), Existing(NodeLabel.Enterprise), properties);
            case 2:
                if (random.Next(2) == 0) properties["substituteGroup"] = (long)(r % 4);
                return (RelType.InputTo, random.Next(4) == 0 ? Created(NodeLabel.Product) : Existing(NodeLabel.Product), Existing(NodeLabel.Product), properties);
            case 3:
                return (RelType.InSegment, Existing(NodeLabel.Product), Existing(NodeLabel.Segment), properties);
            default:
                return (RelType.LocatedIn, Existing(NodeLabel.Enterprise), Existing(NodeLabel.Region), properties);
        }
    }

    static void Endpoint(Utf8JsonWriter w, string name, EndpointSpec end)
    {
        w.WriteStartObject(name);
        w.WriteString("id", end.Id);
        if (end.Label is { } label)
        {
            w.WriteStartArray("labels");
            w.WriteStringValue(GraphSchema.Name(label));
            w.WriteEndArray();
        }
        if (end.Properties is { } properties)
        {
            w.WritePropertyName("properties");
            PropertyJson.Write(w, properties);
        }
        w.WriteEndObject();
    }

    /// <summary>One end of a generated relationship; <paramref name="Created"/> when no node row names it, so the import creates it.</summary>
    sealed record EndpointSpec(string Id, NodeLabel? Label, Dictionary<string, object>? Properties, bool Created);
}
