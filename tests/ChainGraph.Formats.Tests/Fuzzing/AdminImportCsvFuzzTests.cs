using System.Diagnostics;
using System.Text;
using ChainGraph.Formats.Csv;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>
/// Fuzzes the csv reader (Neo4j admin-import CSV): node and relationship files whose known-good
/// rows (ids good-…, some quoted, some spanning lines) sit between mutated copies of rows about
/// other ids (bad-…). Headers are fuzzed separately, since a broken header may refuse its file.
/// </summary>
public sealed class AdminImportCsvFuzzTests(ITestOutputHelper output) : IDisposable
{
    const int Cases = 8;
    const int MutatedPerGood = 2;
    const int HeaderCases = 4_000;

    static readonly string[] Headers =
    [
        "id:ID,:LABEL,name,fullName,tags:string[],capacity:double,rank:long,listed:boolean,note",
        "id:ID(Product),name",
        ":START_ID(Enterprise),:END_ID(Product),:TYPE,share:float,volume:double",
        ":START_ID,:END_ID,:TYPE,product,volume:double",
    ];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedLinesAmongGoodRows_NeverThrowKeepEveryGoodRowAndAreRejectedByFileAndLine()
    {
        Fuzz.RunCases(output, folder.Path, new AdminImportCsvReader(), Cases, firstSeed: 2001, FuzzSyntax.Csv, WriteCase);
    }

    [Fact]
    public void Read_MutatedHeaders_AreReadOrRefusedWithAFormatExceptionNamingTheFile()
    {
        var watch = Stopwatch.StartNew();
        var mutator = new LineMutator(3000, FuzzSyntax.Csv);
        var random = mutator.Random;
        var path = Directory.CreateDirectory(Path.Combine(folder.Path, "headers")).FullName;
        int refused = 0, read = 0;
        long rejected = 0;
        for (var i = 0; i < HeaderCases; i++)
        {
            var kind = random.Next(Headers.Length);
            var file = new FuzzFile($"header-{i}.csv", LineBreaks.Any, random);
            file.Mutated(mutator.Mutate(Encoding.UTF8.GetBytes(Headers[kind])));
            // Every line counts as mutated here: under a broken header any row may be refused.
            foreach (var row in new World("good", random, 20).Rows(kind, 6)) file.Mutated(row.Bytes);
            foreach (var row in new World("bad", random, 20).Rows(kind, 3)) file.Mutated(mutator.Mutate(row.Bytes));
            file.Write(path);
            var batch = new GraphBatch();

            var error = Record.Exception(() => new AdminImportCsvReader().Read(Path.Combine(path, file.Name), batch));

            if (error is FormatException)
            {
                Assert.True(error.Message.Contains(file.Name, StringComparison.Ordinal), $"header case {i}: '{error.Message}' does not name {file.Name}");
                refused++;
            }
            else if (error is not null)
            {
                Assert.Fail($"header case {i}: the csv reader threw {error}");
            }
            else
            {
                var plan = batch.Resolve(new Dictionary<string, NodeLabel>());
                Fuzz.AssertNoProblems(new GoodRows().Problems(plan, [file]), $"header case {i}");
                rejected += plan.Rejected.Count;
                read++;
            }
            File.Delete(Path.Combine(path, file.Name));
        }
        output.WriteLine($"csv headers: {HeaderCases:N0} mutated headers (not counted as fuzzed lines): {refused:N0} refused naming the file, " +
            $"{read:N0} read with {rejected:N0} rows rejected; {watch.Elapsed.TotalSeconds:F1} s");
    }

    // Regressions: what the fuzzer found, one case each.

    [Fact]
    public void Import_UnbalancedQuote_CostsItsOwnRowNotTheRowsAfterIt()
    {
        var plan = ReadCsv("id:ID,:LABEL,name\nbad-1,\"Product,x\ngood-1,Product,a\ngood-2,Product,b\n");

        Assert.Equal([(2L, "unterminated quoted field starting on line 2")], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Equal(["good-1", "good-2"], plan.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void Import_QuoteOpenedInOneBadRowAndClosedInAnother_KeepsTheGoodRowBetweenThem()
    {
        // Read strictly, lines 2-4 are one record of three fields, swallowing good-1.
        var plan = ReadCsv("id:ID,:LABEL,name\nbad-1,\"Product,x\ngood-1,Product,a\nbad-2,Product\",y\ngood-2,Product,b\n");

        Assert.Equal(
        [
            (2L, "a quoted field runs on over line 3, which reads as a row of its own"),
            (4L, "field ':LABEL': expected exactly one of Enterprise|Product|Segment|Chain|Industry|Region|Cluster|InnovationCentre. Got: 'Product\"'"),
        ], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Equal(["good-1", "good-2"], plan.Nodes.Select(n => n.Id));
    }

    [Fact]
    public void Import_QuotedFieldOverSeveralLines_IsStillOneRow()
    {
        var plan = ReadCsv("id:ID,:LABEL,name\np1,Product,\"第一行\n第二行, 有逗号\r\n第三行\"\np2,Product,plain\n");

        Assert.Empty(plan.Rejected);
        Assert.Equal(["第一行\n第二行, 有逗号\r\n第三行", "plain"], plan.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Import_TextAfterAClosingQuote_IsRejectedAsNeo4jAdminImportDoes()
    {
        var plan = ReadCsv("id:ID,:LABEL,name\np1,Product,\"name\"x\np2,Product,ok\n");

        Assert.Equal([(2L, "field 3: text after its closing quote")], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Equal("p2", Assert.Single(plan.Nodes).Id);
    }

    [Fact]
    public void Import_LoneCarriageReturnInsideQuotes_EndsALineAsItDoesOutsideThem()
    {
        var plan = ReadCsv("id:ID,:LABEL,name\np1,Product,\"a\rb\"\nbad\n");

        Assert.Equal([(4L, "expected 3 fields, found 1")], plan.Rejected.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public void Header_ThatCannotBeReadAsARecord_IsRefusedNamingTheFile()
    {
        var error = Assert.Throws<FormatException>(() => ReadCsv("id:ID,\"name\np1,x\n"));

        Assert.Equal("regression.csv: the header cannot be read: unterminated quoted field starting on line 1.", error.Message);
    }

    ImportPlan ReadCsv(string content)
    {
        var batch = new GraphBatch();
        new AdminImportCsvReader().Read(folder.Write("regression.csv", content), batch);
        return batch.Resolve(new Dictionary<string, NodeLabel>());
    }

    static (List<FuzzFile> Files, GoodRows Good) WriteCase(string path, LineMutator mutator)
    {
        var random = mutator.Random;
        var good = new GoodRows();
        var goodWorld = new World("good", random);
        var badWorld = new World("bad", random);
        var files = new List<FuzzFile>();
        foreach (var (name, kind, count) in new[] { ("enterprises.csv", 0, 1_500), ("products.csv", 1, 1_500), ("makes.csv", 2, 2_500), ("supplies.csv", 3, 1_500) })
        {
            var file = new FuzzFile(name, LineBreaks.Any, random);
            files.Add(file);
            file.Good(Encoding.UTF8.GetBytes(Headers[kind]));
            var goodRows = goodWorld.Rows(kind, count);
            var badRows = badWorld.Rows(kind, count * MutatedPerGood);
            FuzzFile.Interleave(() => file, 50, goodRows, badRows, mutator, good, random);
            file.Write(path);
        }
        return (files, good);
    }


    /// <summary>Rows for the four headers about ids that start with <paramref name="prefix"/>, and what each good one must give.</summary>
    sealed class World(string prefix, Random random, int nodesOfEachLabel = 1_500)
    {
        readonly List<string> enterprises = [.. Enumerable.Range(0, nodesOfEachLabel).Select(n => $"{prefix}-{n}")];
        readonly List<string> products = [.. Enumerable.Range(0, nodesOfEachLabel).Select(n => $"{prefix}-product-{n}")];
        readonly HashSet<(RelType, string, string)> keys = [];

        public List<(byte[] Bytes, RowExpectation Expect)> Rows(int kind, int count)
        {
            var rows = new List<(byte[], RowExpectation)>(count);
            for (var n = 0; rows.Count < count && n < count * 4; n++)
            {
                var row = kind switch { 0 => Enterprise(n), 1 => Product(n), 2 => Makes(n), _ => Supplies(n) };
                if (row is { } r) rows.Add(r);
            }
            return rows;
        }

        byte[] Line(params string[] cells)
        {
            var quoteAll = random.Next(5) == 0;
            return Encoding.UTF8.GetBytes(string.Join(',', cells.Select(c => quoteAll ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : CsvText.Quote(c))));
        }

        string Name(int n) => random.Next(8) switch
        {
            0 => $"{prefix} 名称 {n}\n第二行",
            1 => $"{prefix} \"引号\", 逗号 {n}\r\n下一行",
            2 => $"{prefix} 回车\r{n}",
            _ => $"{prefix} {Fuzz.Awkward(random, n)}",
        };

        (byte[], RowExpectation) Enterprise(int n)
        {
            var id = $"{prefix}-{n}";
            var name = Name(n);
            var properties = new Dictionary<string, object> { ["name"] = name };
            string Cell(string key, object? value)
            {
                if (value is null) return "";
                properties[key] = value;
                return PropertyValues.Format(value, AdminImportCsvReader.ArrayDelimiter);
            }
            var cells = new[]
            {
                id, random.Next(4) == 0 ? "Enterprise;上市公司" : "Enterprise", name,
                Cell("fullName", random.Next(2) == 0 ? $"江苏{prefix}{n}有限公司" : null),
                Cell("tags", random.Next(2) == 0 ? new[] { "链主", $"标签{n}", "" } : null),
                Cell("capacity", random.Next(2) == 0 ? n * 1.5 + 0.25 : null),
                Cell("rank", random.Next(2) == 0 ? (long)n * -1_000_003 : null),
                Cell("listed", random.Next(2) == 0 ? random.Next(2) == 0 : null),
                Cell("note", random.Next(2) == 0 ? Fuzz.Awkward(random, n) : null),
            };
            return (Line(cells), (good, file, row) => good.Node(id, NodeLabel.Enterprise, properties, file, row));
        }

        (byte[], RowExpectation) Product(int n)
        {
            var id = $"{prefix}-product-{n}";
            var name = Name(n);
            return (Line(id, name), (good, file, row) =>
                good.Node(id, NodeLabel.Product, new Dictionary<string, object> { ["name"] = name }, file, row));
        }

        (byte[], RowExpectation)? Makes(int n)
        {
            var start = random.Pick(enterprises);
            var created = random.Next(4) == 0;
            var end = created ? $"{prefix}-made-{n}" : random.Pick(products);
            if (!keys.Add((RelType.Makes, start, end))) return null;
            var properties = new Dictionary<string, object>();
            var share = random.Next(2) == 0 ? (n % 1000 + 1) / 1024.0 : (double?)null;
            var volume = random.Next(2) == 0 ? n + 0.5 : (double?)null;
            if (share is { } s) properties["share"] = s;
            if (volume is { } v) properties["volume"] = v;
            var bytes = Line(start, end, "MAKES", share is { } a ? PropertyValues.Format(a, ';') : "", volume is { } b ? PropertyValues.Format(b, ';') : "");
            return (bytes, (good, file, row) =>
            {
                good.Relationship(RelType.Makes, start, end, properties, file, row);
                if (created) good.Node(end, NodeLabel.Product, new Dictionary<string, object> { ["name"] = end }, file, row);
            });
        }

        (byte[], RowExpectation)? Supplies(int n)
        {
            var start = random.Pick(enterprises);
            var end = random.Pick(enterprises);
            if (!keys.Add((RelType.Supplies, start, end))) return null;
            var product = $"碳酸锂, \"电池级\" {n}";
            var properties = new Dictionary<string, object> { ["product"] = product, ["volume"] = n + 0.75 };
            return (Line(start, end, "SUPPLIES", product, PropertyValues.Format(n + 0.75, ';')), (good, file, row) =>
                good.Relationship(RelType.Supplies, start, end, properties, file, row));
        }
    }
}
