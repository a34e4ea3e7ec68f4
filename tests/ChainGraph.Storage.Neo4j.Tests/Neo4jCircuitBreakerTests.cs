using ChainGraph.Storage.Neo4j.Cypher;
using Microsoft.Extensions.Time.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>While Neo4j cannot be reached the circuit opens and calls fail without a request; once it is back the circuit closes by itself.</summary>
public sealed class Neo4jCircuitBreakerTests
{
    static readonly CypherStatement GetNode = CypherCatalog.Get("get-node");

    static Task<QueryResult> CallAsync(Neo4jQueryClient client) => client.RunAsync(GetNode, new Dictionary<string, object?> { ["id"] = "300750" });

    [Fact]
    public async Task ConnectionFailures_OpenTheCircuit_WhichFailsFastForTheBreak_ThenLetsCallsThroughOnceNeo4jIsBack()
    {
        var port = FakeQueryApi.FreePort();
        var time = new FakeTimeProvider();
        var options = TestClients.Options($"http://127.0.0.1:{port}") with { MaxRetries = 4, RetryDelay = TimeSpan.Zero };
        using var client = new Neo4jQueryClient(options, time);

        // Five attempts (one call and its four retries), all refused: the circuit opens.
        var refused = await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client));
        using var api = new FakeQueryApi(port);
        api.Reply(202, DocumentedAnswers.Result).Reply(202, DocumentedAnswers.Result);
        var open = await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client));

        Assert.Equal((Neo4jErrorCodes.ConnectionFailed, true), (refused.Code, refused.IsTransient));
        Assert.Equal((Neo4jErrorCodes.CircuitOpen, true), (open.Code, open.IsTransient));
        Assert.Contains($"Neo4j at http://127.0.0.1:{port}/db/neo4j is unavailable", open.Message);
        Assert.Empty(api.Requests);
        Assert.DoesNotContain(TestClients.Password, refused.ToString() + open);


        time.Advance(options.BreakDuration - TimeSpan.FromTicks(1));
        Assert.Equal(Neo4jErrorCodes.CircuitOpen, (await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client))).Code);
        time.Advance(TimeSpan.FromTicks(1));
        await CallAsync(client);
        await CallAsync(client);
        Assert.Equal(2, api.Requests.Count);
    }
}
