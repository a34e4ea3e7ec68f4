using System.Text.Json.Nodes;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>The researchers' endpoints and hub views over the demo data.</summary>
public sealed class ExplorationApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await server.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Paths_KShortest_AreLoopFreeAndShortestFirst()
    {
        var report = await GetJsonAsync("/api/analyses/paths?from=002460&to=300750&k=3");

        var paths = report["paths"]!.AsArray();
        Assert.Equal(3, paths.Count);
        Assert.All(paths, p => Assert.Equal(p!["nodes"]!.AsArray().Count, p["nodes"]!.AsArray().Select(n => (string?)n!["id"]).Distinct().Count()));
        Assert.True((int)paths[0]!["length"]! <= (int)paths[2]!["length"]!);
    }

    [Fact]
    public async Task Within_ListsEnterprisesNearestFirst()
    {
        var near = (await GetJsonAsync("/api/analyses/paths?from=300750&within=2&label=Enterprise")).AsArray();

        Assert.NotEmpty(near);
        Assert.All(near, n => Assert.Equal("Enterprise", (string?)n!["label"]));
        Assert.Equal(near.Select(n => (int)n!["distance"]!).Order(), near.Select(n => (int)n!["distance"]!));
    }

    [Fact]
    public async Task Linkage_BetweenTwoRegions_HasCrossingLinksAndBrokers()
    {
        var report = await GetJsonAsync("/api/analyses/linkage?a=" + Uri.EscapeDataString("常州") + "&b=" + Uri.EscapeDataString("宁德"));

        Assert.Equal("常州市", (string?)report["groupA"]);
        Assert.NotEmpty(report["links"]!.AsArray());
        Assert.NotEmpty(report["brokers"]!.AsArray());
    }

    [Fact]
    public async Task CommunitiesAndCentrality_RankTheSupplyNetwork()
    {
        var communities = await GetJsonAsync("/api/analyses/communities?top=5");
        var centrality = await GetJsonAsync("/api/analyses/centrality?top=5&label=Enterprise");

        Assert.True((double)communities["modularity"]! > 0.3);
        Assert.Equal(5, communities["largest"]!.AsArray().Count);
        Assert.Null(communities["membership"]);
        Assert.All(centrality["pageRank"]!.AsArray(), n => Assert.Equal("Enterprise", (string?)n!["label"]));
    }

    [Fact]
    public async Task FourChains_FlagsChokepointSegmentsWithoutLocalInnovation()
    {
        var report = await GetJsonAsync("/api/analyses/four-chains?chain=photovoltaics&region=" + Uri.EscapeDataString("常州"));

        Assert.NotEmpty(report["segments"]!.AsArray());
        Assert.Contains(report["segments"]!.AsArray(), s => ((JsonArray)s!["chokepointProducts"]!).Count > 0);
    }

    [Fact]
    public async Task GraphMl_ExportsEveryNode()
    {
        var text = await server.Http.GetStringAsync("/api/export/graphml");
        var stats = await GetJsonAsync("/api/stats");

        var nodes = System.Xml.Linq.XDocument.Parse(text).Descendants().Count(e => e.Name.LocalName == "node");
        Assert.Equal(stats["nodes"]!.AsObject().Sum(p => (long)p.Value!), nodes);
    }

    [Fact]
    public async Task LinkageAndCentralityViews_ComeFromTheHub()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var linkage = (await client.InvokeAsync("OpenView", new { kind = "linkage", focus = "常州", to = "宁德", top = 10 }))!;
        var centrality = (await client.InvokeAsync("OpenView", new { kind = "centrality", top = 15 }))!;

        Assert.Equal("常州市 ↔ 宁德市", (string?)linkage["title"]);
        Assert.Contains(linkage["elements"]!.AsArray(), e => (string?)e!["data"]!["type"] is "SUPPLIES" or "INPUT_TO");
        Assert.Equal(15, centrality["elements"]!.AsArray().Count(e => (string?)e!["group"] == "nodes"));
    }

    [Fact]
    public async Task PathViewAndCommunityColours_ComeFromTheHub()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "path", focus = "002460", to = "300750", k = 2 }))!;
        var colours = (await client.InvokeAsync("Communities", (string?)view["viewId"]))!.AsObject();

        var ids = view["elements"]!.AsArray().Where(e => (string?)e!["group"] == "nodes").Select(e => (string?)e!["data"]!["id"]).ToList();
        Assert.Contains("002460", ids);
        Assert.Contains("300750", ids);
        Assert.Equal(ids.Order(), colours.Select(p => p.Key).Order());
    }
}
