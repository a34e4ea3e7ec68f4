using System.Text;
using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("graph.db");

    [Fact]
    public async Task Import_BrokenLineWrongNumberAndMissingEndpoint_KeepsGoodRowsReportsEachAndExitsTwo()
    {
        folder.Write("in/nodes.csv", "id:ID,:LABEL,name,capacity:double\ne1,Enterprise,甲,10\ne2,Enterprise,乙,ten\np1,Product,碳酸锂,\n");
        folder.Write("in/rels.csv", ":START_ID,:END_ID,:TYPE,share:double\ne1,p1,MAKES,0.5\ne1,p1,MAKES\ne1,ghost,SUPPORTS,\n");

        var (code, _, error) = await CliRunner.RunAsync("import", folder.File("in"), "--format", "csv", "--db", Db);
        var stats = await CliRunner.JsonAsync("stats", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("rejected: nodes.csv:3: field 'capacity': expected a number. Got: 'ten'", error);
        Assert.Contains("rejected: rels.csv:3: expected 4 fields, found 3", error);
        Assert.Contains("rejected: rels.csv:4: SUPPORTS must start at InnovationCentre", error);
        Assert.Equal(1, stats.GetProperty("nodes").GetProperty("Enterprise").GetInt32());
        Assert.Equal(1, stats.GetProperty("relationships").GetProperty("MAKES").GetInt32());
    }

    void WriteChainKg(string companies)
    {
        foreach (var file in new[] { "industry.json", "product.json", "company_industry.json", "industry_industry.json", "industry_up.json", "company_product.json", "product_product.json" })
            folder.Write("kg/" + file, "");
        folder.Write("kg/company.json", companies);
    }

    [Fact]
    public async Task Import_RowUnderAnotherCompanysStockCode_PrintsTheConflictKeepsTheFirstAndExitsZero()
    {
        WriteChainKg("""
            {"name": "京源环保", "fullname": "江苏京源环保股份有限公司", "code": "688096", "time": "2020-04-09"}
            {"name": "京源环保", "fullname": "大连港股份有限公司", "code": "688096", "time": "2010-12-06"}
            """);

        var (code, _, error) = await CliRunner.RunAsync("import", folder.File("kg"), "--format", "chainkg", "--db", Db);
        var summary = await CliRunner.JsonAsync("import", folder.File("kg"), "--format", "chainkg", "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("conflict: company.json:2: id '688096' is '江苏京源环保股份有限公司'; this row names '大连港股份有限公司' and was left out", error);
        var conflict = Assert.Single(summary.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("大连港股份有限公司", 2), (conflict.GetProperty("conflictingName").GetString(), conflict.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task ImportPlaces_MovesTheEnterpriseAndRejectsAnIdWithNoEnterprise()
    {
        WriteChainKg("""{"name": "京源环保", "fullname": "江苏京源环保股份有限公司", "code": "688096", "time": "2020-04-09"}""");
        folder.Write("places.csv", "id,province,city,county,source\n688096,江苏,南通,,注册地址\n600000,上海,,,\n");
        await CliRunner.RunAsync("import", folder.File("kg"), "--format", "chainkg", "--db", Db);

        var (code, _, error) = await CliRunner.RunAsync("import", folder.File("places.csv"), "--format", "places", "--db", Db);
        var node = await CliRunner.JsonAsync("node", "688096", "--type", "LOCATED_IN", "--db", Db, "--json");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("rejected: places.csv:3: field 'id': no Enterprise has this id. Got: '600000'", error);
        Assert.Equal(("南通市", "file"), (node.GetProperty("properties").GetProperty("city").GetString(),
            node.GetProperty("properties").GetProperty("placeSource").GetString()));
        Assert.Equal(["CN-320600"], node.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ImportTags_ByRegisteredName_TagsTheStoredEnterprise_AndReportsANameNoneHas()
    {
        WriteChainKg("""{"name": "京源环保", "fullname": "江苏京源环保股份有限公司", "code": "688096", "time": "2020-04-09"}""");
        folder.Write("little-giants.csv", "name,tag,year,source\n江苏京源环保股份有限公司,专精特新,2021,工信部第三批\n不存在的公司,专精特新,2021,\n");
        await CliRunner.RunAsync("import", folder.File("kg"), "--format", "chainkg", "--db", Db);

        var (code, _, error) = await CliRunner.RunAsync("import", folder.File("little-giants.csv"), "--format", "tags", "--db", Db);
        var properties = (await CliRunner.JsonAsync("node", "688096", "--db", Db, "--json")).GetProperty("properties");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("rejected: little-giants.csv:3: field 'name': no enterprise has this name or registered name. Got: '不存在的公司'", error);
        Assert.Contains("专精特新", properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["专精特新 · 2021 · 工信部第三批"], properties.GetProperty("tagNotes").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Import_Json_PrintsTheSummaryContract()
    {
        folder.Write("in.jsonl", """{"type":"relationship","label":"INPUT_TO","start":{"id":"a","labels":["Product"]},"end":{"id":"a","labels":["Product"]}}""");

        var summary = await CliRunner.JsonAsync("import", folder.File("in.jsonl"), "--format", "jsonl", "--db", Db);

        var rejected = summary.GetProperty("rejected")[0];
        Assert.Equal("in.jsonl", rejected.GetProperty("file").GetString());
        Assert.Equal(1, rejected.GetProperty("line").GetInt32());
        Assert.Equal("self-loop: 'a' INPUT_TO itself", rejected.GetProperty("reason").GetString());
        Assert.True(summary.TryGetProperty("seconds", out _));
        Assert.Equal(JsonValueKind.Object, summary.GetProperty("nodes").ValueKind);
    }

    [Fact]
    public async Task ExportCsvThenImportIntoAnEmptyStore_GivesIdenticalStats()
    {
        await WriteSyntheticChainAsync(folder.File("in"), products: 300);
        await CliRunner.RunAsync("import", folder.File("in"), "--format", "csv", "--db", Db);

        await AssertRoundTripAsync();
    }

    [ChainKgFact]
    public async Task ExportCsvThenImport_OfChainKnowledgeGraph_GivesIdenticalStats()
    {
        await CliRunner.RunAsync("import", SharedData.ChainKg!, "--format", "chainkg", "--db", Db);

        await AssertRoundTripAsync();
    }

    async Task AssertRoundTripAsync()
    {
        var copy = folder.File("copy.db");
        var (exportCode, _, exportError) = await CliRunner.RunAsync("export", "csv", "--out", folder.File("export"), "--db", Db);
        var (importCode, _, importError) = await CliRunner.RunAsync("import", folder.File("export"), "--format", "csv", "--db", copy);

        Assert.Equal(ExitCodes.Ok, exportCode);
        Assert.True(importCode == ExitCodes.Ok, importError + exportError);
        Assert.Equal((await CliRunner.JsonAsync("stats", "--db", Db)).GetRawText(), (await CliRunner.JsonAsync("stats", "--db", copy)).GetRawText());
    }

    [Fact]
    public async Task Import_KilledAtRandomPoints_LeavesTheStoreAsItWasBeforeThatImport()
    {
        // One store already holds data; the other is empty, where the import takes its bulk-load path.
        var empty = folder.File("empty.db");
        folder.Write("seed.jsonl", """{"type":"node","id":"seed","labels":["Product"],"properties":{"name":"种子"}}""");
        await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", Db);
        await CliRunner.CreateEmptyStoreAsync(empty);
        var before = new Dictionary<string, string>
        {
            [Db] = (await CliRunner.JsonAsync("stats", "--db", Db)).GetRawText(),
            [empty] = (await CliRunner.JsonAsync("stats", "--db", empty)).GetRawText(),
        };
        await WriteSyntheticChainAsync(folder.File("big"), products: 150_000);
        var random = new Random(20261121);
        var killedWhileWriting = 0;

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var db = attempt % 2 == 0 ? Db : empty;
            var stderr = new StringBuilder();
            using var child = CliRunner.Start(["import", folder.File("big"), "--format", "csv", "--db", db], text => { lock (stderr) stderr.Append(text); });
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!child.HasExited && DateTime.UtcNow < deadline && !Seen(stderr, "writing")) await Task.Delay(20);
            await Task.Delay(random.Next(0, 400));
            if (child.HasExited)
            {
                // It finished first: the whole import is there. Start the next attempt from the state before it.
                Assert.Equal(0, child.ExitCode);
                Assert.NotEqual(before[db], (await CliRunner.JsonAsync("stats", "--db", db)).GetRawText());
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(folder.Path, Path.GetFileName(db) + "*")) File.Delete(file);
                if (db == Db) await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", Db);
                else await CliRunner.CreateEmptyStoreAsync(empty);
                continue;
            }
            child.Kill(entireProcessTree: true);
            killedWhileWriting++;
            await child.WaitForExitAsync();

            Assert.Equal(before[db], (await CliRunner.JsonAsync("stats", "--db", db)).GetRawText());
        }
        Assert.True(killedWhileWriting >= 2, $"only {killedWhileWriting} of 4 imports could be killed mid-write; make the input larger");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("import", folder.File("seed.jsonl"), "--format", "jsonl", "--db", empty)).Code);
        Assert.Contains("种子", (await CliRunner.RunAsync("search", "种", "--db", empty)).Out);
    }

    static bool Seen(StringBuilder text, string what)
    {
        lock (text) return text.ToString().Contains(what, StringComparison.Ordinal);
    }

    /// <summary>A chain of products, each made by one of a few enterprises, as admin-import CSV.</summary>
    static async Task WriteSyntheticChainAsync(string path, int products)
    {
        Directory.CreateDirectory(path);
        var nodes = new StringBuilder("id:ID,:LABEL,name\n");
        var rels = new StringBuilder(":START_ID,:END_ID,:TYPE,share:double\n");
        for (var e = 0; e < 50; e++) nodes.Append($"e{e},Enterprise,企业{e}\n");
        for (var p = 0; p < products; p++)
        {
            nodes.Append($"p{p},Product,产品{p}\n");
            if (p > 0) rels.Append($"p{p - 1},p{p},INPUT_TO,\n");
            rels.Append($"e{p % 50},p{p},MAKES,0.{p % 10}\n");
        }
        await File.WriteAllTextAsync(Path.Combine(path, "nodes.csv"), nodes.ToString());
        await File.WriteAllTextAsync(Path.Combine(path, "rels.csv"), rels.ToString());
    }
}
