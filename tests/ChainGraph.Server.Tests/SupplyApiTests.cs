using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ChainGraph.Server.Tests;

/// <summary>The supply-side analyses through a real Kestrel server on a free port, over the demo data.</summary>
public sealed class SupplyApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    HttpClient Http => server.Http;

    async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Alternatives_ForAForeignOnlyInput_ListItsMakersAndDomesticCandidatesWithEvidence()
    {
        var report = await GetJsonAsync("/api/analyses/alternatives?product=" + Q("车规级MCU"));

        var item = report["items"]!.AsArray().Single()!;
        Assert.Equal(1.0, (double)item["foreignShare"]!);
        Assert.Equal(5, item["makers"]!.AsArray().Count);
        var candidates = item["domesticSubstitution"]!.AsArray();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.NotEmpty(c!["evidence"]!.AsArray()));
        Assert.NotNull(report["coverage"]);
    }

    [Fact]
    public async Task Alternatives_WithoutAProduct_AnswerForTheTopChokepoints_AndDownloadAsCsv()
    {
        var report = await GetJsonAsync("/api/analyses/alternatives?top=3");
        var csv = await Http.GetAsync("/api/analyses/alternatives?top=3&format=csv");

        Assert.Equal(3, report["items"]!.AsArray().Count);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("国产替代", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Alternatives_BadParameters_AreOneProblemNamingEach()
    {
        var response = await Http.GetAsync("/api/analyses/alternatives?product=x&chain=y&top=0&limit=999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "chain", "top", "limit" }) Assert.Contains($"\"{field}\"", text);
    }

    [Fact]
    public async Task SupplyLoss_GivesEachProductsShareCut_PartlyAffectedAndExposedEnterprises()
    {
        var report = await GetJsonAsync("/api/analyses/supply-loss?remove=600438&threshold=0.5");
        var csv = await Http.GetAsync("/api/analyses/supply-loss?remove=600438&format=csv");

        var polysilicon = report["supply"]!.AsArray().Single(p => (string?)p!["id"] == "多晶硅")!;
        Assert.Equal(0.3762, (double)polysilicon["share"]!);
        Assert.Equal(10, (int)report["partlyAffected"]!);
        Assert.Contains(report["exposed"]!.AsArray(), e => (string?)e!["id"] == "ent:canadian-solar");
        Assert.Contains("部分受影响", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Disruption_KeepsItsShape_AndAddsTheSupplyShares()
    {
        var report = await GetJsonAsync("/api/analyses/disruption?remove=" + Q("603260,ent:east-hope,600596"));

        foreach (var key in new[] { "removed", "lostProducts", "affectedEnterprises", "segments", "supply", "exposed" }) Assert.NotNull(report[key]);
        Assert.Contains(report["supply"]!.AsArray(), p => (string?)p!["id"] == "工业硅" && (double)p["share"]! == 1 && (bool)p["lost"]!);
    }

    [Fact]
    public async Task Countries_ForAProduct_SplitItsSupplyByCountry_AndForEveryChainRankTheirDependence()
    {
        var quartz = await GetJsonAsync("/api/analyses/countries?product=" + Q("高纯石英砂"));
        var chains = await GetJsonAsync("/api/analyses/countries");

        var split = quartz["products"]![0]!["countries"]!.AsArray();
        Assert.Equal(["BE", "NO", "CN"], split.Select(c => (string?)c!["country"]));
        Assert.Equal(5, chains["chains"]!.AsArray().Count);
        Assert.True((bool)chains["foreignKnown"]!);
    }

    [Fact]
    public async Task Carriers_ForTheNevChain_NameTheCentresOfEachChokepoint_AndTheRegionsLackingThem()
    {
        var report = await GetJsonAsync("/api/analyses/carriers?chain=new-energy-vehicles");
        var bad = await Http.GetAsync("/api/analyses/carriers?top=0");

        var mcu = report["chokepoints"]!.AsArray().Single(c => (string?)c!["id"] == "车规级MCU")!;
        Assert.NotEmpty(mcu["carriers"]!.AsArray());
        Assert.NotEmpty(report["regions"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
