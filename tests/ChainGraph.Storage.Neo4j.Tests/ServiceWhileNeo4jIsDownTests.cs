using System.Net;
using System.Net.Http.Json;
using ChainGraph.Server;
using ChainGraph.Server.Security;
using ChainGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>
/// The service on a Neo4j store that cannot be reached: health and every request answer 503 with
/// Retry-After, no write is reported as saved, and once Neo4j answers again so does the service.
/// </summary>
public sealed class ServiceWhileNeo4jIsDownTests
{
    [Fact]
    public async Task StoreUnreachable_Answers503WithRetryAfter_ReportsNoWriteAsSaved_AndRecovers()
    {
        var port = FakeQueryApi.FreePort();
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider();
        await using var store = TestClients.Store($"http://127.0.0.1:{port}", time);
        await using var app = ServerHost.Build(store, "http://127.0.0.1:0", security: new SecurityOptions(folder.File("keys.json")));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        http.DefaultRequestHeaders.Add(AccessMode.TokenHeader, app.Services.GetRequiredService<AccessMode>().WriteToken);

        var health = await http.GetAsync("/api/health");
        var write = await http.PutAsJsonAsync("/api/nodes/test:down", new { label = "Product", properties = new { name = "不在" } });
        var read = await http.GetAsync("/api/nodes/300750");

        foreach (var response in new[] { health, write, read })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter is not null, "Retry-After is missing");
        }
        Assert.Contains("unavailable", await health.Content.ReadAsStringAsync());

        using var neo4j = new FakeQueryApi(port);
        neo4j.Reply(202, """{"data":{"fields":["label","count"],"values":[["Product",1]]}}""")
            .Reply(202, """{"data":{"fields":["type","count"],"values":[]}}""");
        // Health answers 503 until the circuit's break (a second here) is over.
        time.Advance(TestClients.Options(neo4j.Url).BreakDuration);
        var recovered = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Contains("\"nodes\":1", await recovered.Content.ReadAsStringAsync());
        await app.StopAsync();
    }
}
