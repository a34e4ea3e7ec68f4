using System.Text;
using System.Text.Json.Nodes;

namespace ChainGraph.Server.Tests;

/// <summary>Views carry their analysis, the REST endpoint's JSON for the same parameters, and follow writes.</summary>
public sealed class ViewAnalysisTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    const string LithiumSalts = "lithium-battery:lithium-salts";

    static string Escaped(string text) => Uri.EscapeDataString(text);

    async Task<JsonNode> RestAsync(string path) => JsonNode.Parse(await server.Http.GetStringAsync(path))!;

    static JsonNode Segment(JsonNode elements, string id) => elements.AsArray().Single(e => (string?)e!["data"]!["id"] == id)!;

    public static TheoryData<string, string, string> ViewsAndEndpoints() => new()
    {
        { """{"kind":"chain","chain":"lithium-battery","region":"常州"}""", "gaps", $"/api/analyses/gaps?chain=lithium-battery&region={Escaped("常州")}" },
        { """{"kind":"chain","chain":"lithium-battery","region":"常州","weakBelow":1,"strongAt":3,"candidates":4,"tag":"专精特新"}""", "gaps",
            $"/api/analyses/gaps?chain=lithium-battery&region={Escaped("常州")}&weakBelow=1&strongAt=3&candidates=4&tag={Escaped("专精特新")}" },
        { """{"kind":"chokepoints","top":10}""", "chokepoints", "/api/analyses/chokepoints?top=10" },
        { """{"kind":"centrality","top":15}""", "centrality", "/api/analyses/centrality?top=15" },
        { """{"kind":"compare","chain":"lithium-battery","regions":"常州,宁德"}""", "compare", $"/api/analyses/compare?chain=lithium-battery&regions={Escaped("常州,宁德")}" },
        { """{"kind":"rank","chain":"lithium-battery","level":"province","top":5}""", "rank", "/api/analyses/rank?chain=lithium-battery&level=province&top=5" },
        { """{"kind":"profile","focus":"ent:changzhou-liyuan"}""", "profile", $"/api/enterprises/{Escaped("ent:changzhou-liyuan")}/profile" },
        { """{"kind":"alternatives","focus":"碳酸锂","top":3}""", "alternatives", $"/api/analyses/alternatives?product={Escaped("碳酸锂")}" },
        { """{"kind":"alternatives","top":3}""", "alternatives", "/api/analyses/alternatives?top=3" },
    };

    [Theory]
    [MemberData(nameof(ViewsAndEndpoints))]
    public async Task OpenView_CarriesTheAnalysisTheRestEndpointAnswers(string request, string kind, string endpoint)
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", JsonNode.Parse(request)))!;

        Assert.Equal(kind, (string?)view["analysis"]!["kind"]);
        Assert.True(JsonNode.DeepEquals(await RestAsync(endpoint), view["analysis"]!["report"]), $"{kind} differs from {endpoint}");
        Assert.NotEmpty(view["elements"]!.AsArray());
    }

    [Fact]
    public async Task OpenView_RankedRegions_AreRegionNodesWithScoreAndRank()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "rank", chain = "lithium-battery", level = "city", top = 5 }))!;

        var regions = view["analysis"]!["report"]!["regions"]!.AsArray();
        var nodes = view["elements"]!.AsArray().Where(e => (string?)e!["classes"] is { } c && c.Contains("region", StringComparison.Ordinal)).ToList();
        Assert.Equal(regions.Select(r => (string?)r!["id"]), nodes.Select(n => (string?)n!["data"]!["id"]));
        Assert.Equal(1, (int)nodes[0]!["data"]!["rank"]!);
    }

    [Fact]
    public async Task OpenView_FocusView_CarriesNoAnalysis()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "focus", focus = "碳酸锂" }))!;

        Assert.Null(view["analysis"]);
    }

    [Fact]
    public async Task NewLocalMakerWritten_PatchesTheOpenChainViewsAnalysisSegmentAndLocalMakers()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "lithium-battery", region = "常州" }))!;
        var before = Segment(view["elements"]!, LithiumSalts)["data"]!;
        Assert.Equal(("missing", 0, 12), ((string?)before["status"], (int)before["local"]!, (int)before["national"]!));

        var lines = """
            {"type":"node","id":"test:changzhou-lithium","labels":["Enterprise"],"properties":{"name":"常州锂业","country":"CN","province":"江苏省","city":"常州市"}}
            {"type":"relationship","label":"MAKES","start":{"id":"test:changzhou-lithium","labels":["Enterprise"]},"end":{"id":"碳酸锂","labels":["Product"]}}
            """;
        (await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(lines, Encoding.UTF8))).EnsureSuccessStatusCode();

        var patch = (await client.WaitForAsync("ViewPatched", a => (string?)a[0]!["viewId"] == (string?)view["viewId"] && a[0]!["analysis"] is not null))[0]!;
        var segment = Segment(patch["updated"]!, LithiumSalts);
        Assert.Equal(("weak", 1, 13), ((string?)segment["data"]!["status"], (int)segment["data"]!["local"]!, (int)segment["data"]!["national"]!));
        Assert.Contains("status-weak", (string?)segment["classes"]);
        Assert.DoesNotContain("status-missing", (string?)segment["classes"]);
        var added = patch["added"]!.AsArray().Select(e => (string?)e!["data"]!["id"]).ToList();
        Assert.Contains("test:changzhou-lithium", added);
        Assert.Contains("MAKES:test:changzhou-lithium->碳酸锂", added);
        var rest = await RestAsync($"/api/analyses/gaps?chain=lithium-battery&region={Escaped("常州")}");
        Assert.True(JsonNode.DeepEquals(rest, patch["analysis"]!["report"]));
    }
}
