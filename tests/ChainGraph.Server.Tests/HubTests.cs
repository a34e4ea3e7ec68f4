using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChainGraph.Testing;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Tests;

/// <summary>The SignalR hub through the JSON hub protocol over a real WebSocket.</summary>
public sealed class HubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    static JsonArray Elements(JsonNode view) => view["elements"]!.AsArray();

    static JsonNode Element(JsonNode view, string id) => Elements(view).Single(e => (string?)e!["data"]!["id"] == id)!;

    [Fact]
    public async Task OpenView_ChainForACity_ColoursSegmentsByGapStatus()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "lithium-battery", region = "常州" }))!;

        Assert.Equal("chain", (string?)view["layout"]);
        var separator = Element(view, "lithium-battery:separator");
        Assert.Equal("missing", (string?)separator["data"]!["status"]);
        Assert.Contains("status-missing", (string?)separator["classes"]);
        Assert.Contains(Elements(view), e => (string?)e!["data"]!["type"] == "FEEDS");
    }

    [Fact]
    public async Task Expand_NodeWithAThousandNeighbours_ShowsTheCapAndAMoreElement()
    {
        var lines = Enumerable.Range(0, 1000).Select(i =>
            $$$"""{"type":"relationship","label":"MAKES","start":{"id":"test:maker-{{{i}}}","labels":["Enterprise"],"properties":{"name":"厂{{{i}}}"}},"end":{"id":"test:hub","labels":["Product"]}}""");
        await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(string.Join('\n', lines), Encoding.UTF8));
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "focus", focus = "test:hub", depth = 1 }))!;
        var patch = (await client.InvokeAsync("Expand", (string?)view["viewId"], "more:test:hub"))!;

        var nodes = Elements(view).Where(e => (string?)e!["group"] == "nodes").ToList();
        Assert.Equal(1 + 25 + 1, nodes.Count);
        Assert.Equal(975, (int)Element(view, "more:test:hub")["data"]!["more"]!);
        Assert.Equal(25, patch["added"]!.AsArray().Count(e => (string?)e!["group"] == "nodes"));
        Assert.Equal(950, (int)patch["updated"]!.AsArray().Single()!["data"]!["more"]!);
    }

    [Fact]
    public async Task OpenView_NamesLongerThan64KiB_ArriveIntact()
    {
        // The hub flushes between JSON tokens, so only a string past 64 KiB forces a character across two reads;
        // ASCII prefixes of 0 to 5 bytes put the character at the edge in every alignment.
        var names = Enumerable.Range(0, 6).Select(i => new string('x', i) + string.Concat(Enumerable.Repeat("锂电池正极材料", 3300))).ToList();
        var lines = names.Select((name, i) =>
            $$$"""{"type":"relationship","label":"INPUT_TO","start":{"id":"test:cjk-{{{i}}}","labels":["Product"],"properties":{"name":"{{{name}}}"}},"end":{"id":"test:cjk-hub","labels":["Product"]}}""");
        await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(string.Join('\n', lines), Encoding.UTF8));
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "focus", focus = "test:cjk-hub", depth = 1 }))!;

        var shown = Elements(view).Where(e => (string?)e!["group"] == "nodes" && (string?)e["data"]!["id"] != "test:cjk-hub")
            .Select(e => (string)e!["data"]!["name"]!).ToList();
        Assert.True(Encoding.UTF8.GetByteCount(names[0]) > 64 * 1024);
        Assert.All(shown, name => Assert.DoesNotContain('\uFFFD', name));
        Assert.Equal(names.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Collapse_RemovesWhatExpandAdded()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "photovoltaics" }))!;
        var viewId = (string?)view["viewId"];

        var expanded = (await client.InvokeAsync("Expand", viewId, "工业硅"))!;
        var collapsed = (await client.InvokeAsync("Collapse", viewId, "工业硅"))!;

        var added = expanded["added"]!.AsArray().Select(e => (string?)e!["data"]!["id"]).ToHashSet();
        Assert.NotEmpty(added);
        Assert.Superset(added.Where(id => !id!.Contains("->", StringComparison.Ordinal)).ToHashSet(),
            collapsed["removed"]!.AsArray().Select(e => (string?)e).Where(id => !id!.Contains("->", StringComparison.Ordinal)).ToHashSet());
        Assert.NotEmpty(collapsed["removed"]!.AsArray());
    }

    [Fact]
    public async Task WriteThroughTheApi_ReachesTwoClientsOnTheViewAsAPatch()
    {
        await using var first = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var second = await SignalRClient.RecordingAsync(server.BaseAddress);
        var request = new { kind = "chain", chain = "wind-power" };
        var views = new[] { (await first.InvokeAsync("OpenView", request))!, (await second.InvokeAsync("OpenView", request))! };
        var product = Elements(views[0]).First(e => (string?)e!["data"]!["label"] == "Product")!["data"]!["id"]!.GetValue<string>();

        await server.Http.PutAsJsonAsync($"/api/nodes/{Uri.EscapeDataString(product)}", new { label = "Product", properties = new { nameEn = "patched" } });

        foreach (var (client, view) in new[] { (first, views[0]), (second, views[1]) })
        {
            var patch = await client.WaitForAsync("ViewPatched", a => (string?)a[0]!["viewId"] == (string?)view["viewId"]);
            Assert.Contains(patch[0]!["updated"]!.AsArray(), e => (string?)e!["data"]!["id"] == product);
        }
    }

    [Fact]
    public async Task NewProductInAShownSegment_AppearsLive()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "marine-equipment" }))!;
        var segment = Elements(view).First(e => (string?)e!["data"]!["label"] == "Segment")!["data"]!["id"]!.GetValue<string>();

        await server.Http.PutAsJsonAsync("/api/relationships", new { type = "IN_SEGMENT", start = "test:new-product", end = segment });

        var patch = await client.WaitForAsync("ViewPatched", a => (string?)a[0]!["viewId"] == (string?)view["viewId"]);
        Assert.Contains(patch[0]!["added"]!.AsArray(), e => (string?)e!["data"]!["id"] == "test:new-product");
    }

    [Fact]
    public async Task Room_SharesTheViewExpansionsAndSelection()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var guest = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await host.InvokeAsync("OpenView", new { kind = "chain", chain = "new-energy-vehicles", room = "team-a" }))!;
        var viewId = (string?)view["viewId"];

        var joined = (await guest.InvokeAsync("JoinRoom", "team-a", "guest"))!["view"]!;
        await host.InvokeAsync("Expand", viewId, "动力电池");
        await host.InvokeAsync("Select", viewId, "动力电池");

        Assert.Equal(viewId, (string?)joined["viewId"]);
        await guest.WaitForAsync("ViewPatched", a => (string?)a[0]!["viewId"] == viewId);
        await guest.WaitForAsync("SelectionChanged", a => (string?)a[1] == "动力电池");
    }

    [Fact]
    public async Task OpenView_UnknownChain_IsAHubErrorNamingIt()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var error = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("OpenView", new { kind = "chain", chain = "no-such-chain" }));

        Assert.Contains("no-such-chain", error.Message);
    }

    [Fact]
    public async Task OpenView_IndustryChainForARegion_SendsOnlyEdgesWhoseEndsItSends()
    {
        await DemoIndustries.ImportAsync(server.Http);
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = DemoIndustries.Grid, region = "江苏" }))!;

        var nodes = Elements(view).Where(e => (string?)e!["group"] == "nodes").Select(e => (string)e!["data"]!["id"]!).ToHashSet();
        var dangling = Elements(view).Where(e => (string?)e!["group"] == "edges")
            .Where(e => !nodes.Contains((string)e!["data"]!["source"]!) || !nodes.Contains((string)e["data"]!["target"]!)).Select(e => (string?)e!["data"]!["id"]);
        Assert.Empty(dangling);
        Assert.Contains("300390", nodes);
        Assert.Contains(Elements(view), e => (string?)e!["data"]!["source"] == "300390" && (string?)e["data"]!["target"] == DemoIndustries.Grid);
    }
}
