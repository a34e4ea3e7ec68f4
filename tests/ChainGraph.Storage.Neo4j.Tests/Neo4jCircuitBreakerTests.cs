using System.Diagnostics;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>While Neo4j cannot be reached the circuit opens and calls fail fast; once it is back the circuit closes by itself.</summary>
public sealed class Neo4jCircuitBreakerTests
{
    static readonly CypherStatement GetNode = CypherCatalog.Get("get-node");

    static Task<QueryResult> CallAsync(Neo4jQueryClient client) => client.RunAsync(GetNode, new Dictionary<string, object?> { ["id"] = "300750" });

    [Fact]
    public async Task ConnectionFailures_OpenTheCircuit_WhichFailsFast_ThenClosesOnceNeo4jIsBack()
    {
        var port = FakeQueryApi.FreePort();
        using var client = TestClients.Client($"http://127.0.0.1:{port}", maxRetries: 4);

        // Five attempts (one call and its four retries), all refused: the circuit opens.
        var refused = await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client));
        var clock = Stopwatch.StartNew();
        var open = await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client));
        var failedAfter = clock.Elapsed;

        Assert.Equal((Neo4jErrorCodes.ConnectionFailed, true), (refused.Code, refused.IsTransient));
        Assert.Equal((Neo4jErrorCodes.CircuitOpen, true), (open.Code, open.IsTransient));
        Assert.Contains($"Neo4j at http://127.0.0.1:{port}/db/neo4j is unavailable", open.Message);
        Assert.True(failedAfter < TimeSpan.FromMilliseconds(500), $"an open circuit took {failedAfter} to fail");
        Assert.DoesNotContain(TestClients.Password, refused.ToString() + open);

        using var api = new FakeQueryApi(port);
        api.Reply(202, DocumentedAnswers.Result).Reply(202, DocumentedAnswers.Result);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await CallAsync(client);
        await CallAsync(client);
        Assert.Equal(2, api.Requests.Count);
    }
}
