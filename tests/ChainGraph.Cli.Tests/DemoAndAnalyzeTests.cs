using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>The README's first command and the analyses on the demo data, through the command line.</summary>
public sealed class DemoAndAnalyzeTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("demo.db");

    async Task LoadDemoAsync() => Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);

    [Fact]
    public async Task Demo_LoadsFiveChainsWithoutRejectsAndPrintsWhatIsInTheGraph()
    {
        var (code, output, error) = await CliRunner.RunAsync("demo", "--db", Db);
        var again = await CliRunner.JsonAsync("demo", "--db", Db);
        var stats = await CliRunner.JsonAsync("stats", "--db", Db);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("Chains: 锂电池 (lithium-battery)", output);
        Assert.Empty(again.GetProperty("rejected").EnumerateArray());
        Assert.True(stats.GetProperty("nodes").GetProperty("Enterprise").GetInt32() >= 150);
        Assert.True(stats.GetProperty("nodes").GetProperty("InnovationCentre").GetInt32() >= 20);
        Assert.Equal(5, stats.GetProperty("nodes").GetProperty("Chain").GetInt32());
    }

    [Fact]
    public async Task Coverage_ListsEverySegmentWithItsMakersByRule()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "coverage", "--chain", "lithium-battery", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "coverage", "--chain", "锂电池", "--lang", "en", "--db", Db);

        Assert.Equal(("lithium-battery", "新能源", 11), (report.GetProperty("chainId").GetString(), report.GetProperty("sector").GetString(), report.GetProperty("covered").GetInt32()));
        var anode = report.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lithium-battery:anode");
        Assert.Contains(anode.GetProperty("attached").EnumerateArray(), a => a.GetProperty("id").GetString() == "ent:tmsd");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("锂电池 (新能源): 11 of 11 segments have makers", text);
        Assert.Contains("template", text);
    }

    [Fact]
    public async Task Gaps_LithiumBatteryInChangzhou_ReportsTheSeparatorMissingWithRankedCandidatesFromOtherProvinces()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--db", Db);

        var segments = report.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        var separator = segments["lithium-battery:separator"];
        Assert.Equal("missing", separator.GetProperty("status").GetString());
        Assert.Equal(0, separator.GetProperty("local").GetInt32());
        Assert.Equal("weak", segments["lithium-battery:anode"].GetProperty("status").GetString());
        var candidates = separator.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["002812", "300568"], candidates.Take(2).Select(c => c.GetProperty("id").GetString()).Order());
        Assert.All(candidates, c => Assert.NotEqual("江苏省", c.GetProperty("province").GetString()));
        Assert.Contains(candidates.Take(2), c => c.GetProperty("why").GetString()!.Contains("链主", StringComparison.Ordinal));
        var scores = candidates.Select(c => c.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Chokepoints_Json_FollowsTheContractAndFindsTheDeliberateWeakPoints()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "chokepoints", "--top", "200", "--lang", "en", "--db", Db);

        var items = report.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        foreach (var key in new[] { "id", "name", "label", "suppliers", "hhi", "foreignShare", "dominates", "articulation", "score", "why" })
            Assert.True(items["车规级MCU"].TryGetProperty(key, out _), key);
        Assert.Contains("all known makers abroad", items["车规级MCU"].GetProperty("why").GetString());
        // 颗粒硅 is the only single-sourced product, but a substitute of 多晶硅 that nothing depends on.
        Assert.False(items.ContainsKey("颗粒硅"));
        Assert.Equal(4, items["工业硅"].GetProperty("dominates").GetInt32());
        Assert.True(items["高纯石英砂"].GetProperty("hhi").GetDouble() > 0.4);
        Assert.Contains("工业硅", report.GetProperty("articulationPoints").EnumerateArray().Select(p => p.GetString()));
        Assert.True(report.GetProperty("coverage").GetProperty("foreignKnown").GetBoolean());
    }

    [Fact]
    public async Task Disruption_RemovingEveryIndustrialSiliconMaker_CutsOffTheCrystallineSiliconChain()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "disruption", "--remove", "603260,ent:east-hope,600596", "--db", Db);

        var lost = report.GetProperty("lostProducts").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("工业硅", lost);
        Assert.Contains("单晶硅片", lost);
        Assert.NotEmpty(report.GetProperty("affectedEnterprises").EnumerateArray());
        Assert.Contains(report.GetProperty("segments").EnumerateArray(), s => s.GetProperty("chain").GetString() == "photovoltaics");
    }

    [Fact]
    public async Task Analyze_Csv_WritesTheRankedTableForSpreadsheets()
    {
        await LoadDemoAsync();
        var path = folder.File("gaps.csv");

        var (code, output, _) = await CliRunner.RunAsync("analyze", "gaps", "--chain", "锂电池", "--region", "常州市", "--csv", path, "--lang", "en", "--db", Db);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("锂电池 in 常州市", output);
        var lines = File.ReadAllLines(path);
        Assert.Equal("segment,stage,status,local,national,rank,candidate,name,province,city,score,why,local makers,innovation centres,tags", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.StartsWith("隔膜,upstream,missing,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_UnknownRegion_ExitsTwoWithAClearMessage_InTheReadersLanguage()
    {
        await LoadDemoAsync();

        var (code, _, error) = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "Atlantis", "--db", Db);
        var english = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "Atlantis", "--db", Db, "--lang", "en");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("未知地区「Atlantis」", error);
        Assert.Contains("Unknown region 'Atlantis'", english.Error);
    }

    [Fact]
    public async Task GapsTable_ListsEachSegmentsLocalMakersAndInnovationCentres()
    {
        await LoadDemoAsync();

        var (_, output, _) = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--lang", "en", "--db", Db);

        Assert.Contains("local makers", output);
        Assert.Contains("innovation centres", output);
        Assert.Contains("ent:catl-jiangsu、ent:calb、ent:svolt", output);
        Assert.Contains("ic:changzhou-battery-pilot", output);
    }

    [Fact]
    public async Task Gaps_SpeakChineseByDefault_AndEnglishWithLangEn()
    {
        await LoadDemoAsync();

        var chinese = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--db", Db);
        var english = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--lang", "en", "--db", Db);
        var json = await CliRunner.JsonAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--db", Db);
        var wrong = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "常州", "--lang", "fr", "--db", Db);

        Assert.Contains("锂电池 · 常州市：缺失 ", chinese.Out);
        Assert.Contains("本地企业", chinese.Out);
        Assert.Contains("已与常州市的", chinese.Out);
        Assert.DoesNotContain("already trades with", chinese.Out);
        Assert.Contains("锂电池 in 常州市: ", english.Out);
        Assert.Contains("already trades with", english.Out);
        var why = json.GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("candidates").EnumerateArray()).First().GetProperty("why").GetString();
        Assert.Matches("[\u4e00-\u9fa5]", why);
        Assert.Equal("missing", json.GetProperty("segments")[0].GetProperty("status").GetString());
        Assert.Equal(ExitCodes.BadInput, wrong.Code);
        Assert.Contains("--lang", wrong.Error);
    }

    [Fact]
    public async Task CutLists_SayWhatTheLimitLeftOut_InChinese_OrInEnglishWithLangEn()
    {
        await LoadDemoAsync();

        var within = await CliRunner.RunAsync("analyze", "paths", "--from", "300750", "--within", "2", "--limit", "3", "--db", Db);
        var search = await CliRunner.RunAsync("search", "锂", "--limit", "2", "--db", Db);
        var node = await CliRunner.RunAsync("node", "300750", "--limit", "1", "--db", Db);
        var withinEn = await CliRunner.RunAsync("analyze", "paths", "--from", "300750", "--within", "2", "--limit", "3", "--db", Db, "--lang", "en");
        var searchEn = await CliRunner.RunAsync("search", "锂", "--limit", "2", "--db", Db, "--lang", "en");
        var nodeEn = await CliRunner.RunAsync("node", "300750", "--limit", "1", "--db", Db, "--lang", "en");

        Assert.Matches(@"节点：显示 3 / 共 \d{2,}（用 --limit 查看更多）", within.Out);
        Assert.Contains("仅显示前 2 个；还有更多匹配", search.Out);
        Assert.Matches(@"邻居：显示 1 / 共 \d+", node.Out);
        Assert.Contains("宁德时代 (企业 300750)", node.Out);
        Assert.Matches(@"showing 3 of \d{2,} nodes \(raise --limit to see more\)", withinEn.Out);
        Assert.Contains("showing the first 2; more match", searchEn.Out);
        Assert.Matches(@"showing 1 of \d+ neighbours", nodeEn.Out);
    }

    [Fact]
    public async Task ChokepointTable_PrintsNotApplicable_ForAnEnterprisesSupplyFigures_AndTheCoverageLine()
    {
        var data = folder.Write("sole.jsonl", """
            {"type":"relationship","label":"MAKES","start":{"id":"jsr","labels":["Enterprise"],"properties":{"name":"JSR","country":"JP"}},"end":{"id":"光刻胶","labels":["Product"]}}
            {"type":"relationship","label":"INPUT_TO","start":{"id":"光刻胶","labels":["Product"]},"end":{"id":"晶圆","labels":["Product"]}}
            """);
        await CliRunner.RunAsync("import", data, "--format", "jsonl", "--db", Db);

        var (_, output, _) = await CliRunner.RunAsync("analyze", "chokepoints", "--scope", "all", "--lang", "en", "--db", Db);

        var enterprise = output.Split('\n').First(l => l.Contains(" Enterprise ", StringComparison.Ordinal));
        Assert.Equal(3, enterprise.Split("n/a").Length - 1);
        Assert.Contains("coverage: 1 enterprises", output);
    }

    [Fact]
    public async Task LinkageTable_ShowsWhatEachProductLinkIsUsedIn()
    {
        await LoadDemoAsync();

        var (_, output, _) = await CliRunner.RunAsync("analyze", "linkage", "--a", "常州", "--b", "宁德", "--lang", "en", "--db", Db);

        Assert.Contains("used in", output);
        Assert.Contains("宁德时代 → 蜂巢能源  电池管理系统", output);
        Assert.Contains("动力电池系统", output);
    }

    [Fact]
    public async Task FourChainsAndChokepoints_CallTheSameProductsChokepoints()
    {
        await LoadDemoAsync();

        var ranking = await CliRunner.JsonAsync("analyze", "chokepoints", "--chain", "photovoltaics", "--db", Db);
        var fourChains = await CliRunner.JsonAsync("analyze", "four-chains", "--chain", "photovoltaics", "--region", "常州", "--db", Db);

        var flagged = ranking.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("label").GetString() == "Product" && i.GetProperty("flagged").GetBoolean())
            .Select(i => i.GetProperty("name").GetString()!).Order().ToList();
        var named = fourChains.GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("chokepointProducts").EnumerateArray().Select(p => p.GetString()!)).Order().ToList();
        Assert.NotEmpty(flagged);
        Assert.Equal(flagged, named);
    }

    [Fact]
    public async Task ExportChain_ResolvesTheChainAsTheAnalysesDo_ByIdOrName_WithItsMakers()
    {
        await LoadDemoAsync();

        var byId = await CliRunner.JsonAsync("export", "jsonl", "--chain", "lithium-battery", "--out", folder.File("by-id.jsonl"), "--db", Db);
        var byName = await CliRunner.JsonAsync("export", "jsonl", "--chain", "锂电池", "--out", folder.File("by-name.jsonl"), "--db", Db);

        Assert.Equal(byId.GetProperty("nodes").GetInt64(), byName.GetProperty("nodes").GetInt64());
        Assert.Equal(File.ReadAllText(folder.File("by-id.jsonl")), File.ReadAllText(folder.File("by-name.jsonl")));
        Assert.Contains("\"id\":\"300750\"", File.ReadAllText(folder.File("by-name.jsonl")));
    }
}
