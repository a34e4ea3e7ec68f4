using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.Extensions.Configuration;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The open mode (no keys, loopback) attacked as a web page on another site would: every request
/// must come from this machine's own user, not from a script that user's browser runs.
/// </summary>
public sealed class OpenModeAttackTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    const string Evil = "http://evil.example";

    static StringContent JsonLines(string id) =>
        new($$$"""{"type":"node","id":"{{{id}}}","labels":["Product"],"properties":{"name":"{{{id}}}"}}""", Encoding.UTF8, "text/plain");

    /// <summary>A client of its own, without the write token the fixture's client carries.</summary>
    HttpClient Stranger() => new() { BaseAddress = server.BaseAddress };

    async Task<bool> ExistsAsync(string id) => (await server.Http.GetAsync($"/api/nodes?id={Uri.EscapeDataString(id)}")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task AnotherWebsite_CannotImportIntoTheOpenService()
    {
        using var http = Stranger();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import?format=jsonl") { Content = JsonLines("attack:cross-site") };
        request.Headers.Add("Origin", Evil);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await ExistsAsync("attack:cross-site"));
    }

    [Fact]
    public async Task AnotherWebsite_IsRefusedEvenWithTheWriteToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/nodes?id=attack:token") { Content = JsonContent.Create(new { label = "Product", properties = new { name = "x" } }) };
        request.Headers.Add("Origin", Evil);

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another website", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync("attack:token"));
    }

    [Fact]
    public async Task AWriteWithoutTheToken_IsRefused_AndItsOwnPageOriginWithTheTokenWrites()
    {
        using var http = Stranger();
        var refused = await http.PutAsJsonAsync("/api/nodes?id=attack:no-token", new { label = "Product", properties = new { name = "x" } });
        using var own = new HttpRequestMessage(HttpMethod.Put, "/api/nodes?id=test:own-page") { Content = JsonContent.Create(new { label = "Product", properties = new { name = "本页" } }) };
        own.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var allowed = await server.Http.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(AccessMode.TokenHeader, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.True(await ExistsAsync("test:own-page"));
    }

    [Fact]
    public async Task DnsRebinding_AForeignHostIsNotServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        request.Headers.Host = "evil.example";

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnotherWebsite_CannotOpenTheHub()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", Evil);
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/hubs/graph" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task ThePolicy_AllowsOnlyTheServicesOwnSocket_AndNoInlineStyles()
    {
        var page = await server.Http.GetAsync("/");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains($"connect-src 'self' ws://{server.BaseAddress.Authority};", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain(" ws: ", policy);
    }

    [Fact]
    public async Task AddingAKey_EndsTheOpenModeAtOnce()
    {
        var fixture = new KeysLaterFixture();
        await fixture.InitializeAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
            var before = await http.GetAsync("/api/stats");
            new ApiKeyStore(fixture.KeysPath).Add("owner", Role.Admin);
            var after = await http.GetAsync("/api/stats");

            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0@127.0.0.1:0")]
    [InlineData("http://evil.example:0")]
    [InlineData("http://*:0")]
    [InlineData("http://[::]:0")]
    public async Task WithoutKeys_AnAddressKestrelWouldBindBeyondLoopback_IsRefused(string url)
    {
        using var folder = new TempDirectory();
        await using var store = new SqliteGraphStore(folder.File("g.db"));

        var error = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(store, url, security: new SecurityOptions(folder.File("keys.json"))));

        Assert.Contains("without API keys", error.Message);
    }

    [Fact]
    public void ListenAddresses_IncludeKestrelEndpointsAndPortsFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:5404",
            ["HTTP_PORTS"] = "8080",
        }).Build();

        var addresses = SecurityOptions.ListenAddresses("http://127.0.0.1:5080", configuration);

        Assert.Equal(["http://127.0.0.1:5080", "http://0.0.0.0:5404", "http://*:8080"], addresses);
        Assert.Equal([true, false, false], addresses.Select(SecurityOptions.IsLoopback));
    }

    /// <summary>A service that starts open; the test then adds a key to its file.</summary>
    sealed class KeysLaterFixture : ServerFixture
    {
        public string KeysPath => Path.Combine(Folder, "keys.json");
    }
}
