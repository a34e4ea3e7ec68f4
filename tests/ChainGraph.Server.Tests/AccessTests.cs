using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>Every role boundary, REST and hub, with keys configured; open mode only on loopback.</summary>
public sealed class AccessTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await server.Http.SendAsync(request);
    }

    static JsonContent Node(string name) => JsonContent.Create(new { label = "Product", properties = new { name } });

    [Fact]
    public async Task AnonymousRead_IsRefusedButHealthAndThePageAreOpen()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/stats", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/", null)).StatusCode);
    }

    [Fact]
    public async Task AnonymousWrite_IsRefused()
    {
        var response = await SendAsync(HttpMethod.Put, "/api/nodes/test:anon", null, Node("x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReaderReads_ButReaderWriteIsForbidden()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/stats", server.Reader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, "/api/nodes/test:reader", server.Reader, Node("x"))).StatusCode);
    }

    [Fact]
    public async Task EditorWrites_ButEditorImportAndKeyManagementAreForbidden()
    {
        var write = await SendAsync(HttpMethod.Put, "/api/nodes/test:editor", server.Editor, Node("编辑"));
        var import = await SendAsync(HttpMethod.Post, "/api/import?format=jsonl", server.Editor, new StringContent(""));
        var keys = await SendAsync(HttpMethod.Get, "/api/keys", server.Editor);

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
    }

    [Fact]
    public async Task AdminImports_AndManagesKeys()
    {
        var body = new StringContent("""{"type":"node","id":"test:admin","labels":["Product"],"properties":{"name":"管理"}}""", Encoding.UTF8);
        var import = await SendAsync(HttpMethod.Post, "/api/import?format=jsonl", server.Admin, body);
        var created = await (await SendAsync(HttpMethod.Post, "/api/keys", server.Admin, JsonContent.Create(new { name = "new", role = "Reader" }))).Content.ReadFromJsonAsync<NewKeyJson>();
        var works = await SendAsync(HttpMethod.Get, "/api/stats", created!.Key);
        var revoke = await SendAsync(HttpMethod.Delete, $"/api/keys/{created.Id}", server.Admin);
        var afterRevoke = await SendAsync(HttpMethod.Get, "/api/stats", created.Key);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.DoesNotContain(created.Key, await File.ReadAllTextAsync(server.KeysPath));
    }

    [Fact]
    public async Task RevokedAndUnknownKeys_AreRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/stats", server.Revoked)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/stats", "cg_not-a-real-key")).StatusCode);
    }

    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter()
    {
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < SecuredServerFixture.RequestsPerMinute + 5; i++) statuses.Add(await SendAsync(HttpMethod.Get, "/api/chains", server.Limited));

        var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(SecuredServerFixture.RequestsPerMinute, statuses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Hub_RefusesAnonymousAndRevoked_AcceptsAReaderKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await HubStatusAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await HubStatusAsync(server.Revoked));
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress, server.Reader);

        var view = await client.InvokeAsync("OpenView", new { kind = "chain", chain = "wind-power" });

        Assert.NotNull(view);
    }

    [Fact]
    public async Task Page_CarriesAContentSecurityPolicy_AndOversizedBodiesAreRefused()
    {
        var page = await SendAsync(HttpMethod.Get, "/", null);
        var huge = await SendAsync(HttpMethod.Put, "/api/nodes/test:huge", server.Editor,
            JsonContent.Create(new { label = "Product", properties = new { name = new string('x', 2 << 20) } }));

        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task WithoutKeys_TheServiceRefusesToListenBeyondLoopback()
    {
        using var folder = new TempDirectory();
        await using var store = new SqliteGraphStore(folder.File("g.db"));
        var options = new SecurityOptions(folder.File("none.json"));

        var error = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(store, "http://0.0.0.0:0", security: options));
        await using var open = ServerHost.Build(store, "http://127.0.0.1:0;http://localhost:0", security: options);
        await using var keyed = ServerHost.Build(store, "http://0.0.0.0:0", security: new SecurityOptions(server.KeysPath));

        Assert.Contains("without API keys", error.Message);
        Assert.True(open.Services.GetService(typeof(AccessMode)) is AccessMode { Open: true });
        Assert.True(keyed.Services.GetService(typeof(AccessMode)) is AccessMode { Open: false });
    }

    async Task<HttpStatusCode> HubStatusAsync(string? key)
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/hubs/graph", Query = key is null ? "" : "access_token=" + Uri.EscapeDataString(key) }.Uri;
        try
        {
            socket.Options.CollectHttpResponseDetails = true;
            await socket.ConnectAsync(uri, CancellationToken.None);
            return HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    sealed record NewKeyJson(string Id, string Key);
}
