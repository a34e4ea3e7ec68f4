using System.Net;
using System.Text.Json.Nodes;
using ChainGraph.Testing;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Tests;

/// <summary>The API applies the command line's parameter rules (they are one set): every bad value is a 400 naming it, before any work.</summary>
public sealed class ParameterRulesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/api/analyses/communities?resolution=NaN", "resolution")]
    [InlineData("/api/analyses/communities?resolution=-1", "resolution")]
    [InlineData("/api/analyses/communities?top=0", "top")]
    [InlineData("/api/analyses/centrality?samples=100000", "samples")]
    [InlineData("/api/analyses/centrality?samples=-5", "samples")]
    [InlineData("/api/analyses/chokepoints?top=-1", "top")]
    [InlineData("/api/analyses/gaps?chain=lithium-battery&region=常州&weakBelow=0", "weakBelow")]
    [InlineData("/api/analyses/gaps?chain=lithium-battery&region=常州&candidates=1000", "candidates")]
    [InlineData("/api/analyses/paths?from=300750&to=002460&k=0", "k")]
    [InlineData("/api/analyses/paths?from=300750&within=9", "within")]
    [InlineData("/api/analyses/paths?from=no-such-node&to=002460", "from")]
    [InlineData("/api/analyses/paths?from=300750&to=002460&types=NOPE", "types")]
    [InlineData("/api/analyses/linkage?a=常州&b=宁德&top=0", "top")]
    [InlineData("/api/analyses/linkage?a=常州&b=Atlantis", "b")]
    [InlineData("/api/search?q=锂&limit=0", "limit")]
    [InlineData("/api/search?q=锂&label=Nope", "label")]
    [InlineData("/api/nodes/300750?limit=-1", "limit")]
    [InlineData("/api/export/cytoscape?focus=300750&depth=9", "depth")]
    public async Task BadParameter_IsABadRequestNamingIt(string path, string field)
    {
        var response = await server.Http.GetAsync(path);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(body["errors"]![field]);
    }

    [Fact]
    public async Task SeveralBadParameters_AreAllNamedInOneAnswer()
    {
        var response = await server.Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=常州&weakBelow=0&candidates=-1");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("weakBelow", errors.Select(e => e.Key));
        Assert.Contains("candidates", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task HubView_WithAnOutOfRangeDepth_IsRefusedNamingIt_InTheConnectionsLanguage()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        var chinese = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("OpenView", new { kind = "focus", focus = "300750", depth = 99 }));
        await client.InvokeAsync("SetLanguage", "en");
        var english = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("OpenView", new { kind = "focus", focus = "300750", depth = 99 }));

        Assert.Contains("depth: 应在 1 到 3 之间，收到的是 99", chinese.Message);
        Assert.Contains("depth: must be between 1 and 3. Got: 99", english.Message);
    }
}
