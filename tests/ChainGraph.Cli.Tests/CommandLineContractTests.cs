using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>The exit-code and JSON contract every verb keeps: 0 success, 2 bad input, 1 anything else; with --json, only JSON on stdout.</summary>
public sealed class CommandLineContractTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("store.db");

    [Fact]
    public void EveryVerb_AcceptsJson()
    {
        var without = CliApp.Verbs().Where(v => !v.Options.Contains("--json")).Select(v => v.Verb).ToList();

        Assert.Empty(without);
    }

    [Theory]
    [InlineData("stats --frob", "")]
    [InlineData("analyze gaps --chain lithium-battery", "--region")]
    [InlineData("analyze chokepoints --top abc", "--top")]
    [InlineData("export xml --out x", "format")]
    [InlineData("frob", "")]
    public async Task UnparsableCommandLine_ExitsTwo_WithOnlyAJsonErrorOnStdout(string line, string field)
    {
        var (code, output, error) = await CliRunner.RunAsync([.. line.Split(' '), "--db", Db, "--json"]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(error);
        var body = JsonDocument.Parse(output).RootElement.GetProperty("error");
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        if (field.Length > 0) Assert.Contains(field, body.GetProperty("message").GetString());
        Assert.DoesNotContain("Usage:", output);
    }

    [Fact]
    public async Task UnparsableCommandLine_WithoutJson_PrintsTheErrorAndAHint_NotTheWholeHelp()
    {
        var (code, output, error) = await CliRunner.RunAsync("analyze", "chokepoints", "--top", "abc", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Contains("error: Cannot parse argument 'abc' for option '--top' as a whole number.", error);
        Assert.Contains("Run 'chaingraph analyze chokepoints --help' for its options.", error);
        Assert.DoesNotContain("Usage:", error);
    }

    [Theory]
    [InlineData("analyze centrality --samples -5", "--samples", "-5")]
    [InlineData("analyze centrality --samples 100000", "--samples", "100000")]
    [InlineData("analyze chokepoints --top -1", "--top", "-1")]
    [InlineData("analyze chokepoints --concentrated-hhi NaN", "--concentrated-hhi", "NaN")]
    [InlineData("analyze paths --from a --to b --k 0", "--k", "0")]
    [InlineData("analyze paths --from a --within -1", "--within", "-1")]
    [InlineData("analyze communities --resolution -1", "--resolution", "-1")]
    [InlineData("analyze communities --resolution NaN", "--resolution", "NaN")]
    [InlineData("analyze communities --resolution Infinity", "--resolution", "Infinity")]
    [InlineData("analyze communities --top 0", "--top", "0")]
    [InlineData("analyze linkage --a 常州 --b 宁德 --top -5", "--top", "-5")]
    [InlineData("analyze gaps --chain c --region r --candidates -5", "--candidates", "-5")]
    [InlineData("analyze gaps --chain c --region r --weak-below 0", "--weak-below", "0")]
    [InlineData("export cytoscape --out x.json --focus a --depth -1", "--depth", "-1")]
    [InlineData("search 锂 --limit 0", "--limit", "0")]
    [InlineData("node 300750 --limit -1", "--limit", "-1")]
    [InlineData("generate --enterprises 0 --out gen", "--enterprises", "0")]
    [InlineData("import x --format jsonl --max-rejects -1", "--max-rejects", "-1")]
    [InlineData("serve --rate-limit 0", "--rate-limit", "0")]
    public async Task OutOfRangeValue_ExitsTwoBeforeAnyWork_NamingTheOptionAndTheValue(string line, string option, string value)
    {
        string[] store = line.StartsWith("generate", StringComparison.Ordinal) ? [] : ["--db", Db];
        var (code, output, error) = await CliRunner.RunAsync([.. line.Split(' '), .. store, "--json"]);

        Assert.True(code == ExitCodes.BadInput, output + error);
        var body = JsonDocument.Parse(output).RootElement.GetProperty("error");
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.Equal(option, body.GetProperty("field").GetString());
        Assert.Equal(value, body.GetProperty("value").GetString());
        // Said in Chinese unless English is asked for: "--top: 应在 1 到 1,000 之间，收到的是 0".
        Assert.StartsWith(option + ": 应", body.GetProperty("message").GetString());
        Assert.EndsWith("收到的是 " + value, body.GetProperty("message").GetString());
        Assert.False(File.Exists(Db), "validation comes before the store is opened");
    }

    [Fact]
    public async Task SeveralInvalidValues_AreReportedTogether_InChineseOrWithLangEnInEnglish()
    {
        var (code, output, error) = await CliRunner.RunAsync("analyze", "gaps", "--chain", "c", "--region", "r", "--weak-below", "0", "--candidates", "-1", "--db", Db);
        var english = await CliRunner.RunAsync("analyze", "gaps", "--chain", "c", "--region", "r", "--weak-below", "0", "--candidates", "-1", "--db", Db, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Contains("error: --weak-below: 应在 1 到 100,000 之间，收到的是 0", error);
        Assert.Contains("error: --candidates: 应在 0 到 100 之间，收到的是 -1", error);
        Assert.Contains("error: --weak-below: must be between 1 and 100,000. Got: 0", english.Error);
        Assert.Contains("error: --candidates: must be between 0 and 100. Got: -1", english.Error);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("search 锂")]
    [InlineData("node 300750")]
    [InlineData("analyze chokepoints")]
    [InlineData("export jsonl --out out.jsonl")]
    [InlineData("backup copy.db")]
    public async Task ReadingVerb_OnAStoreThatDoesNotExist_ExitsTwoWithAHint_AndCreatesNothing(string line)
    {
        var db = folder.File(Path.Combine("no", "such", "store.db"));

        var (code, output, error) = await CliRunner.RunAsync([.. line.Split(' '), "--db", db]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: no store at {db}: load the demo with `chaingraph demo --db {db}`", error);
        Assert.False(Directory.Exists(folder.File("no")));
    }

    [Fact]
    public async Task MissingStore_WithJson_IsANotFoundErrorNamingDb()
    {
        var body = (await CliRunner.JsonAsync("stats", "--db", Db)).GetProperty("error");

        Assert.Equal("not_found", body.GetProperty("code").GetString());
        Assert.Equal("--db", body.GetProperty("field").GetString());
        Assert.Equal(Db, body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task UnknownNode_ExitsTwo_AsNotFound()
    {
        await CliRunner.CreateEmptyStoreAsync(Db);

        var (code, output, _) = await CliRunner.RunAsync("node", "no-such-node", "--db", Db, "--json");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("not_found", JsonDocument.Parse(output).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task StoreThatIsNotADatabase_ExitsOne_WithAJsonError_NotACrash()
    {
        File.WriteAllText(Db, "this is not a database, only text long enough to look like a file of some size");

        var (code, output, _) = await CliRunner.RunAsync("stats", "--db", Db, "--json");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("failure", JsonDocument.Parse(output).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Import_WithMaxRejects_ExitsZeroWhileTheRejectionsStayWithinIt_AndStillListsThem()
    {
        var data = folder.Write("rows.jsonl", """
            {"type":"node","id":"p1","labels":["Product"],"properties":{"name":"甲"}}
            not json at all
            {"type":"node","id":"p2","labels":["Product"],"properties":{"name":"乙"}}
            """);

        var strict = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db, "--json");
        var allowed = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db, "--json", "--max-rejects", "1");
        var text = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db, "--max-rejects", "1");

        Assert.Equal(ExitCodes.BadInput, strict.Code);
        Assert.Equal(ExitCodes.Ok, allowed.Code);
        Assert.Single(JsonDocument.Parse(allowed.Out).RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(ExitCodes.Ok, text.Code);
        Assert.Contains("rows.jsonl:2", text.Error);
        Assert.Contains("1 rows rejected (within --max-rejects 1)", text.Error);
    }

    [Fact]
    public async Task ImportIntoTheDemoStore_IsRefusedWithAHint_AndChangesNothing_UnlessMixWithDemo()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);
        var before = (await CliRunner.JsonAsync("stats", "--db", Db)).GetRawText();
        var data = folder.Write("it.jsonl", """{"type":"node","id":"IT","labels":["Product"],"properties":{"name":"IT"}}""");

        var (code, _, error) = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db);
        var unchanged = (await CliRunner.JsonAsync("stats", "--db", Db)).GetRawText();
        var mixed = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db, "--mix-with-demo");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"the store {Db} holds the built-in demo", error);
        Assert.Contains("--mix-with-demo", error);
        Assert.Equal(before, unchanged);
        Assert.Equal(ExitCodes.BadInput, mixed.Code); // the demo's Region IT and this Product IT: the rejection the guard exists to prevent
    }

    [Fact]
    public async Task DemoIntoAStoreWithOtherData_IsRefused_ButLoadsAgainIntoItsOwnStore()
    {
        var data = folder.Write("p.jsonl", """{"type":"node","id":"p1","labels":["Product"],"properties":{"name":"甲"}}""");
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db)).Code);
        var demoDb = folder.File("demo.db");

        var refused = await CliRunner.RunAsync("demo", "--db", Db);
        var first = await CliRunner.RunAsync("demo", "--db", demoDb);
        var again = await CliRunner.RunAsync("demo", "--db", demoDb);

        Assert.Equal(ExitCodes.BadInput, refused.Code);
        Assert.Contains("holds other data", refused.Error);
        Assert.Equal(ExitCodes.Ok, first.Code);
        Assert.Equal(ExitCodes.Ok, again.Code);
    }

    [Fact]
    public async Task KeysAddRevokeAndGenerate_PrintJsonSummaries_AndRevokeSaysWhatItDid()
    {
        var keys = folder.File("keys.json");

        var added = await CliRunner.JsonAsync("keys", "add", "--name", "analyst", "--role", "Reader", "--keys", keys);
        var id = added.GetProperty("id").GetString()!;
        var revoked = await CliRunner.RunAsync("keys", "revoke", id, "--keys", keys);
        var again = await CliRunner.JsonAsync("keys", "revoke", id, "--keys", keys);
        var generated = await CliRunner.JsonAsync("generate", "--enterprises", "50", "--out", folder.File("gen"));

        Assert.StartsWith("cg_", added.GetProperty("key").GetString());
        Assert.Equal(ExitCodes.Ok, revoked.Code);
        Assert.Contains($"Revoked key {id}", revoked.Out);
        Assert.Equal("not_found", again.GetProperty("error").GetProperty("code").GetString());
        Assert.True(generated.GetProperty("nodes").GetInt64() > 50);
    }

    [Fact]
    public async Task Import_CountsTheReportLinesThatAreNotProducts_AndKeepsThem()
    {
        var data = folder.Write("lines.jsonl", """
            {"type":"node","id":"分部间抵销","labels":["Product"],"properties":{"name":"分部间抵销"}}
            {"type":"node","id":"技术服务","labels":["Product"],"properties":{"name":"技术服务"}}
            {"type":"node","id":"光刻胶","labels":["Product"],"properties":{"name":"光刻胶"}}
            """);

        var summary = await CliRunner.JsonAsync("import", data, "--format", "jsonl", "--db", Db);
        var text = await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", folder.File("other.db"));

        Assert.Equal(1, summary.GetProperty("nonProductLines").GetProperty("accounting").GetInt32());
        Assert.Equal(1, summary.GetProperty("nonProductLines").GetProperty("service").GetInt32());
        Assert.Equal(3, summary.GetProperty("nodes").GetProperty("Product").GetInt32());
        Assert.Contains("2 products are report lines, not products (accounting 1, service 1)", text.Out);
    }

    [Fact]
    public async Task Serve_WithJson_WritesOnlyJsonToStdout_AndItsLogsToStderr()
    {
        using var serve = System.Diagnostics.Process.Start(CliRunner.StartInfo(ServeArgs))!;
        var stderr = serve.StandardError.ReadToEndAsync();
        JsonElement? answer;
        try
        {
            answer = await CliRunner.ReadJsonAnswerAsync(serve);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        Assert.NotNull(answer);
        Assert.StartsWith("http://127.0.0.1:", answer.Value.GetProperty("urls")[0].GetString());
        Assert.True(answer.Value.GetProperty("demoLoaded").GetBoolean());
        Assert.Contains("No API keys", await stderr);
    }

    [Fact]
    public async Task Serve_WithoutKeys_RefusesAKestrelEndpointBeyondLoopbackSetInTheEnvironment()
    {
        var start = CliRunner.StartInfo(ServeArgs);
        start.Environment["Kestrel__Endpoints__Http__Url"] = "http://0.0.0.0:0";
        using var serve = System.Diagnostics.Process.Start(start)!;
        var stdout = serve.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await serve.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }

        Assert.Equal(ExitCodes.BadInput, serve.ExitCode);
        Assert.Contains("http://0.0.0.0:0 without API keys", await stdout);
    }

    /// <summary><c>serve</c> on the test's store, any free loopback port, no keys, answering in JSON.</summary>
    string[] ServeArgs => ["serve", "--db", Db, "--urls", "http://127.0.0.1:0", "--keys", folder.File("keys.json"), "--json"];
}
