using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>Regions of every level, compare and rank on the demo data, through the command line.</summary>
public sealed class RegionAnalysesTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("demo.db");

    async Task LoadDemoAsync() => Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);

    [Fact]
    public async Task Compare_LithiumBatteryAcrossChangzhouNingdeYibin_GivesEachSegmentPerRegionAsTheGapAnalysisDoes()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "compare", "--chain", "lithium-battery", "--regions", "常州,宁德,宜宾", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "compare", "--chain", "锂电池", "--regions", "常州,宁德,宜宾", "--lang", "en", "--db", Db);

        Assert.Equal(["常州市", "宁德市", "宜宾市"], report.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var segments = report.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("regions").EnumerateArray().ToList());
        Assert.Equal(["missing", "missing", "missing"], segments["lithium-battery:separator"].Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("weak", segments["lithium-battery:anode"][0].GetProperty("status").GetString());
        Assert.Contains("300750", segments["lithium-battery:cells"][1].GetProperty("localMakers").EnumerateArray().Select(m => m.GetString()));
        var gaps = await CliRunner.JsonAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "宁德", "--db", Db);
        Assert.Equal(gaps.GetProperty("segments").EnumerateArray().Select(s => (s.GetProperty("status").GetString(), s.GetProperty("local").GetInt32())),
            segments.Values.Select(r => (r[1].GetProperty("status").GetString(), r[1].GetProperty("makers").GetInt32())));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("锂电池 in 常州市: score", text);
        Assert.Contains("宜宾市", text);
    }

    [Fact]
    public async Task Rank_LithiumBatteryOverAllCities_ListsTheBestFirstWithMissingSegmentsAndAgreesWithCompare()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "rank", "--chain", "lithium-battery", "--level", "city", "--top", "10", "--lang", "en", "--db", Db);
        var compare = await CliRunner.JsonAsync("analyze", "compare", "--chain", "lithium-battery", "--regions", "常州", "--db", Db);

        var regions = report.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(10, regions.Count);
        Assert.Equal(Enumerable.Range(1, 10), regions.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.True(regions.Zip(regions.Skip(1)).All(p => p.First.GetProperty("score").GetDouble() >= p.Second.GetProperty("score").GetDouble()));
        var changzhou = regions.Single(r => r.GetProperty("code").GetString() == "320400");
        Assert.Equal(compare.GetProperty("regions")[0].GetProperty("score").GetDouble(), changzhou.GetProperty("score").GetDouble());
        Assert.Contains("隔膜", changzhou.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("missing: ", changzhou.GetProperty("why").GetString());
        Assert.True(report.GetProperty("total").GetInt32() > 300);
    }

    [Fact]
    public async Task County_IsARegion_AndTheDemoWhichPlacesNoEnterpriseInACountySaysSo()
    {
        await LoadDemoAsync();

        var gaps = await CliRunner.JsonAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "溧阳", "--db", Db);
        var rank = await CliRunner.JsonAsync("analyze", "rank", "--chain", "lithium-battery", "--level", "county", "--db", Db);

        Assert.Equal("常州市溧阳市", gaps.GetProperty("region").GetString());
        Assert.All(gaps.GetProperty("segments").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("local").GetInt32()));
        Assert.Equal(rank.GetProperty("makers").GetInt32(), rank.GetProperty("unplaced").GetInt32());
    }

    [Fact]
    public async Task Cluster_IsARegion()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "compare", "--chain", "lithium-battery", "--regions", "cluster:ningde-lithium-new-energy,宁德市", "--db", Db);

        var regions = report.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(("宁德市锂电新能源产业集群", "cluster"), (regions[0].GetProperty("name").GetString(), regions[0].GetProperty("kind").GetString()));
        var cells = report.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lithium-battery:cells");
        Assert.Contains("300750", cells.GetProperty("regions")[0].GetProperty("localMakers").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task AmbiguousRegion_ExitsTwoNamingEveryChoice()
    {
        await LoadDemoAsync();

        var (code, _, error) = await CliRunner.RunAsync("analyze", "gaps", "--chain", "lithium-battery", "--region", "鼓楼", "--db", Db);
        var json = await CliRunner.JsonAsync("analyze", "compare", "--chain", "lithium-battery", "--regions", "常州,鼓楼", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("南京市鼓楼区（320106）", error);
        Assert.Contains("福州市鼓楼区（350102）", error);
        Assert.Equal(("invalid_request", "--regions"), (json.GetProperty("error").GetProperty("code").GetString(), json.GetProperty("error").GetProperty("field").GetString()));
    }
}
