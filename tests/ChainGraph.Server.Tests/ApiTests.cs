using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>The REST API through a real Kestrel server on a free port, over the demo data.</summary>
public sealed class ApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    HttpClient Http => server.Http;

    async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Health_ReportsTheStoreAndItsSize()
    {
        var health = await GetJsonAsync("/api/health");

        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal("SqliteGraphStore", (string?)health["store"]);
        Assert.True((long)health["nodes"]! > 500);
    }

    [Fact]
    public async Task Stats_ListEveryLabelOfTheDemo()
    {
        var stats = await GetJsonAsync("/api/stats");

        Assert.True((long)stats["nodes"]!["Enterprise"]! >= 150);
        Assert.Equal(5, (long)stats["nodes"]!["Chain"]!);
    }

    [Fact]
    public async Task Search_ChineseSubstring_FindsProductsAndEnterprises()
    {
        var hits = (await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("隔膜"))).AsArray();

        Assert.Contains(hits, h => (string?)h!["id"] == "湿法隔膜");
        Assert.Equal("隔膜", (string?)hits[0]!["name"]);
    }

    [Fact]
    public async Task Node_GivesPropertiesAndAPageOfNeighboursWithTheTotal()
    {
        var node = await GetJsonAsync("/api/nodes/002812?limit=2");

        Assert.Equal("恩捷股份", (string?)node["properties"]!["name"]);
        Assert.Equal(2, node["neighbours"]!.AsArray().Count);
        Assert.True((int)node["total"]! > 2);
    }

    [Fact]
    public async Task UnknownNodeAndBadRegion_AnswerWithProblemDetails_InChinese_OrInEnglishWithLangEn()
    {
        var missing = await Http.GetAsync("/api/nodes/no-such-node");
        var badRegion = await Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=Atlantis");
        var inEnglish = await Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=Atlantis&lang=en");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        Assert.Contains("未知地区「Atlantis」", await badRegion.Content.ReadAsStringAsync());
        Assert.Contains("Unknown region 'Atlantis'", await inEnglish.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Gaps_ReportTheMissingSeparatorWithRankedCandidates_AndDownloadAsCsv()
    {
        var report = await GetJsonAsync("/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("常州"));
        var csv = await Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("常州") + "&format=csv");

        var separator = report["segments"]!.AsArray().Single(s => (string?)s!["id"] == "lithium-battery:separator")!;
        Assert.Equal("missing", (string?)separator["status"]);
        Assert.Contains((string?)separator["candidates"]![0]!["id"], new[] { "002812", "300568" });
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("隔膜,上游,缺失", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Chokepoints_RankTheDeliberateWeakPoints()
    {
        var report = await GetJsonAsync("/api/analyses/chokepoints?top=100");

        var items = report["items"]!.AsArray();
        Assert.Contains(items, i => (string?)i!["id"] == "车规级MCU" && ((string?)i["why"])!.StartsWith("已知生产商全在境外", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => (string?)i!["id"] == "颗粒硅");
        Assert.Contains("工业硅", report["articulationPoints"]!.AsArray().Select(p => (string?)p));
    }

    [Fact]
    public async Task Answers_AreChineseByDefault_EnglishWithLangEn_AndAnyOtherLangIsRefused()
    {
        var chinese = await GetJsonAsync("/api/analyses/chokepoints?top=100");
        var english = await GetJsonAsync("/api/analyses/chokepoints?top=100&lang=en");
        var csv = await server.Http.GetStringAsync("/api/analyses/chokepoints?top=5&format=csv&lang=en");
        var french = await server.Http.GetAsync("/api/analyses/chokepoints?lang=fr");

        static string Why(JsonNode report) => (string)report["items"]!.AsArray().First(i => (string?)i!["id"] == "车规级MCU")!["why"]!;
        Assert.StartsWith("已知生产商全在境外", Why(chinese), StringComparison.Ordinal);
        Assert.StartsWith("all known makers abroad", Why(english), StringComparison.Ordinal);
        Assert.StartsWith("rank,id,name,label,suppliers", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, french.StatusCode);
        Assert.Contains("lang", await french.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Disruption_UnknownId_IsABadRequestNamingIt()
    {
        var response = await Http.GetAsync("/api/analyses/disruption?remove=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("「nope」", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportCytoscape_OfAChain_HoldsItsSegmentsAndEdges()
    {
        var export = await GetJsonAsync("/api/export/cytoscape?chain=lithium-battery");

        var nodes = export["elements"]!["nodes"]!.AsArray();
        Assert.Contains(nodes, n => (string?)n!["data"]!["id"] == "lithium-battery:separator");
        Assert.NotEmpty(export["elements"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task ChainsAndRegions_FeedThePickers()
    {
        var chains = (await GetJsonAsync("/api/chains")).AsArray();
        var regions = (await GetJsonAsync("/api/regions")).AsArray();

        Assert.Contains(chains, c => (string?)c!["id"] == "lithium-battery" && (int)c["segments"]! >= 7);
        Assert.Contains(regions, r => (string?)r!["name"] == "常州市" && (string?)r["level"] == "city");
    }

    [Fact]
    public async Task Chains_AfterTheTemplates_OfferTheIndustriesThatCanFormAChain_WithTheirSectorAndDivision()
    {
        await DemoIndustries.ImportAsync(server.Http);

        var chains = (await GetJsonAsync("/api/chains")).AsArray();

        var grid = chains.Single(c => (string?)c!["id"] == DemoIndustries.Grid)!;
        Assert.Equal("industry", (string?)grid["kind"]);
        Assert.Equal("新能源", (string?)grid["sector"]);
        Assert.Equal("电力设备", (string?)grid["division"]);
        Assert.Equal(3, (int)grid["level"]!);
        Assert.Equal(2, (int)grid["segments"]!);
        Assert.Equal(2, (int)grid["enterprises"]!);
        Assert.Equal("chain", (string?)chains[0]!["kind"]);
        Assert.True(chains.TakeWhile(c => (string?)c!["kind"] == "chain").Count() == chains.Count(c => (string?)c!["kind"] == "chain"), "templates first");
        // An industry with no member enterprise, in it or below it, forms no chain.
        Assert.DoesNotContain(chains, c => (string?)c!["id"] == DemoIndustries.Empty);
    }

    [Fact]
    public async Task ChainCoverage_SaysPerSegmentHowManyMakersEachRuleAttached()
    {
        var coverage = await GetJsonAsync("/api/chains/lithium-battery/coverage");

        Assert.Equal("新能源", (string?)coverage["sector"]);
        var separator = coverage["segments"]!.AsArray().Single(s => (string?)s!["id"] == "lithium-battery:separator")!;
        Assert.True((int)separator["makers"]! >= 6);
        Assert.Contains(separator["attached"]!.AsArray(), a => (string?)a!["id"] == "002812" && (string?)a["rule"] == "template");
        Assert.Equal((int)separator["makers"]!, separator["byKind"]!.AsObject().Sum(k => (int)k.Value!));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        Assert.NotNull(document["paths"]!["/api/analyses/gaps"]);
        Assert.NotNull(document["paths"]!["/api/nodes/{id}"]!["put"]);
    }

    [Fact]
    public async Task PutThenDeleteNode_WritesThroughTheImportRules()
    {
        var put = await Http.PutAsJsonAsync("/api/nodes/test:api-node", new { label = "Product", properties = new { name = "测试产品" } });
        var read = await GetJsonAsync("/api/nodes/test:api-node");
        var delete = await Http.DeleteAsync("/api/nodes/test:api-node");
        var gone = await Http.GetAsync("/api/nodes/test:api-node");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("测试产品", (string?)read["properties"]!["name"]);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PutRelationship_WithAWrongType_IsAValidationProblem()
    {
        var response = await Http.PutAsJsonAsync("/api/relationships", new { type = "MAKES", start = "002812", end = "300750", properties = new { share = "lots" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field 'share' of MAKES", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_Upload_ReportsTheSummaryAndPushesProgress()
    {
        await using var hub = await SignalRClient.RecordingAsync(server.BaseAddress);
        var body = new StringContent(string.Join('\n',
            """{"type":"node","id":"test:upload","labels":["Product"],"properties":{"name":"上传产品"}}""",
            """{"type":"relationship","label":"INPUT_TO","start":{"id":"test:upload"},"end":{"id":"test:upload"}}"""), Encoding.UTF8);

        var response = await Http.PostAsync("/api/import?format=jsonl&job=upload-test", body);
        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)summary["nodes"]!["Product"]!);
        Assert.Contains("self-loop", (string?)summary["rejected"]![0]!["reason"]);
        await hub.WaitForAsync("Progress", a => (string?)a[0]!["jobId"] == "upload-test" && (string?)a[0]!["phase"] == "done");
    }
}
