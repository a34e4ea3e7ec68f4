using ChainGraph.Storage.Neo4j.Cypher;
using ChainGraph.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>While Neo4j cannot be reached the circuit opens and calls fail without a request; once it is back the circuit closes by itself.</summary>
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
        using var api = new FakeQueryApi(port);
        api.Reply(202, DocumentedAnswers.Result).Reply(202, DocumentedAnswers.Result);
        var open = await Assert.ThrowsAsync<GraphStoreException>(() => CallAsync(client));

        Assert.Equal((Neo4jErrorCodes.ConnectionFailed, true), (refused.Code, refused.IsTransient));
        Assert.Equal((Neo4jErrorCodes.CircuitOpen, true), (open.Code, open.IsTransient));
        Assert.Contains($"Neo4j at http://127.0.0.1:{port}/db/neo4j is unavailable", open.Message);
        Assert.Empty(api.Requests);
        Assert.DoesNotContain(TestClients.Password, refused.ToString() + open);

        Assert.True(await Eventually.TrueAsync(() => ClosedAsync(client), TimeSpan.FromSeconds(10)), "the circuit stayed open");
        await CallAsync(client);
        Assert.Equal(2, api.Requests.Count);
    }

    /// <summary>Whether a call went through: false while the circuit is still open.</summary>
    static async Task<bool> ClosedAsync(Neo4jQueryClient client)
    {
        try
        {
            await CallAsync(client);
            return true;
        }
        catch (GraphStoreException e) when (e.Code == Neo4jErrorCodes.CircuitOpen)
        {
            return false;
        }
    }
}
