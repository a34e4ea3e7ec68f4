using System.Text;
using ChainGraph.Formats.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// Fuzzes the chains reader: folders of chain templates, one JSON document per file, where
/// known-good templates (ids good-…) sit between whole documents that were truncated, had values
/// swapped for other types or were otherwise damaged (ids bad-…). Each file's lines count.
/// </summary>
public sealed class ChainTemplateFuzzTests(ITestOutputHelper output) : IDisposable
{
    const int Cases = 4;
    const int GoodFilesPerCase = 250;
    const int MutatedFilesPerCase = 500;

    static readonly string[] Stages = ["upstream", "midstream", "downstream"];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedTemplatesAmongGoodOnes_NeverThrowKeepEveryGoodTemplateAndAreRejectedByFileAndLine()
    {
        Fuzz.RunCases(output, folder.Path, new ChainTemplateReader(), Cases, firstSeed: 4001, FuzzSyntax.Json, WriteCase);
    }

    // Regression: what the fuzzer found.

    [Fact]
    public void Read_NullSegment_IsRejectedNamingTheFileAndTheOtherSegmentsKept()
    {
        folder.Write("chain.json", """{"id":"c","name":"链","segments":[null,{"id":"c:s","name":"环节","stage":"upstream","order":1,"products":["p"]}]}""");

        var plan = Fuzz.Read(new ChainTemplateReader(), folder.Path, "regression");

        Assert.Equal([("chain.json", 1L, "field 'segments': expected segment objects. Got: null")], plan.Rejected.Select(r => (r.File, r.Line, r.Reason)));
        Assert.Equal(["c", "c:s", "p"], plan.Nodes.Select(n => n.Id));
    }

    static (List<FuzzFile> Files, GoodRows Good) WriteCase(string path, LineMutator mutator)
    {
        var random = mutator.Random;
        var good = new GoodRows();
        var files = new List<FuzzFile>();
        int g = 0, b = 0;
        for (var i = 0; g < GoodFilesPerCase || b < MutatedFilesPerCase; i++)
        {
            var file = new FuzzFile($"{i:D4}.json", LineBreaks.LineFeed, random, wholeDocument: true);
            files.Add(file);
            if (b == MutatedFilesPerCase || (g < GoodFilesPerCase && random.Next(3) == 0))
            {
                var (bytes, expect) = Template("good", g++, random);
                expect(good, file, file.Good(bytes));
            }
            else
            {
                file.Mutated(mutator.Mutate(Template("bad", b++, random).Bytes));
            }
            file.Write(path);
        }
        return (files, good);
    }

    /// <summary>A template about ids that start with <paramref name="prefix"/>, written as graph/chains writes them (or compact, or with CRLF).</summary>
    static (byte[] Bytes, Action<GoodRows, FuzzFile, int> Expect) Template(string prefix, int n, Random random)
    {
        var id = $"{prefix}-{n}";
        var name = $"{prefix} 链 {n} \"锂电\"";
        var nameEn = random.Next(3) == 0 ? null : $"Chain {n}";
        var description = random.Next(2) == 0 ? null : Fuzz.Awkward(random, n);
        var segments = new List<(string Id, string Name, string? NameEn, string Stage, int Order, List<string> Products, List<string> Feeds)>();
        var count = 3 + random.Next(6);
        for (var k = 0; k < count; k++)
        {
            var products = Enumerable.Range(0, 1 + random.Next(5)).Select(j => $"{prefix}-{n}-p{k}-{j}").ToList();
            if (k > 0 && random.Next(4) == 0) products.Add(segments[k - 1].Products[0]);
            segments.Add(($"{id}:s{k}", $"环节 {k} of {n}", random.Next(2) == 0 ? $"Segment {k}" : null, random.Pick(Stages), 1 + k / 2, products, []));
        }
        foreach (var segment in segments.Take(count - 1))
        {
            var later = segments.Where(s => s.Order > segment.Order).Select(s => s.Id).ToList();
            if (later.Count > 0) segment.Feeds.AddRange(later.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(2, later.Count))));
        }

        var json = Fuzz.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            if (nameEn is not null) w.WriteString("nameEn", nameEn);
            if (description is not null) w.WriteString("description", description);
            if (random.Next(5) == 0) w.WriteString("source", "hand-made for the fuzzer");
            w.WriteStartArray("segments");
            foreach (var segment in segments)
            {
                w.WriteStartObject();
                w.WriteString("id", segment.Id);
                w.WriteString("name", segment.Name);
                if (segment.NameEn is not null) w.WriteString("nameEn", segment.NameEn);
                w.WriteString("stage", segment.Stage);
                w.WriteNumber("order", segment.Order);
                w.WriteStartArray("products");
                foreach (var product in segment.Products) w.WriteStringValue(product);
                w.WriteEndArray();
                w.WriteStartArray("feeds");
                foreach (var next in segment.Feeds) w.WriteStringValue(next);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, escapeNonAscii: random.Next(4) == 0, indented: random.Next(10) != 0);
        if (random.Next(3) == 0) json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace("\n", "\r\n", StringComparison.Ordinal));

        return (json, (good, file, row) =>
        {
            var chain = new Dictionary<string, object> { ["name"] = name };
            if (nameEn is not null) chain["nameEn"] = nameEn;
            if (description is not null) chain["description"] = description;
            good.Node(id, NodeLabel.Chain, chain, file, row);
            foreach (var segment in segments)
            {
                var properties = new Dictionary<string, object> { ["name"] = segment.Name, ["stage"] = segment.Stage, ["order"] = (long)segment.Order };
                if (segment.NameEn is not null) properties["nameEn"] = segment.NameEn;
                good.Node(segment.Id, NodeLabel.Segment, properties, file, row);
                good.Relationship(RelType.PartOf, segment.Id, id, NoProperties, file, row);
                foreach (var product in segment.Products)
                {
                    good.Relationship(RelType.InSegment, product, segment.Id, NoProperties, file, row);
                    if (!good.HasNode(product)) good.Node(product, NodeLabel.Product, new Dictionary<string, object> { ["name"] = product }, file, row);
                }
                foreach (var next in segment.Feeds) good.Relationship(RelType.Feeds, segment.Id, next, NoProperties, file, row);
            }
        });
    }

    static readonly Dictionary<string, object> NoProperties = [];
}
