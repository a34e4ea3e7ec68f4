using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>Explicit transactions: begin, run and commit with the affinity header echoed, rollback on failure.</summary>
public sealed class Neo4jTransactionTests : IDisposable
{
    readonly FakeQueryApi api = new();

    static readonly CypherStatement UpsertNodes = CypherCatalog.Get("upsert-nodes");

    static Dictionary<string, object?> Rows() => new()
    {
        ["rows"] = new[] { new Dictionary<string, object?> { ["id"] = "300750", ["label"] = "Enterprise", ["props"] = new Dictionary<string, object?> { ["name"] = "宁德时代" } } },
    };

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task InTransaction_BeginsRunsAndCommits_EchoingTheAffinityHeader()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Empty)
            .Reply(200, DocumentedAnswers.Committed);
        using var client = TestClients.Client(api.Url);

        await client.InTransactionAsync((tx, token) => tx.RunAsync(UpsertNodes, Rows(), token));

        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx", null), ("POST", "/db/neo4j/query/v2/tx/lyU", "MTAuOC41Ljc6MTc0NzQ="),
             ("POST", "/db/neo4j/query/v2/tx/lyU/commit", "MTAuOC41Ljc6MTc0NzQ=")],
            api.Requests.Select(r => (r.Method, r.Path, r.Affinity)));
        Assert.Equal(UpsertNodes.Text, api.Requests[1].Json.GetProperty("statement").GetString());
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], client.Bookmarks);
    }

    [Fact]
    public async Task InTransaction_StatementFails_RollsBackAndIsNotRetried()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.ConstraintViolation)
            .Reply(200, "{}");
        using var client = TestClients.Client(api.Url);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() =>
            client.InTransactionAsync((tx, token) => tx.RunAsync(UpsertNodes, Rows(), token)));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", e.Code);
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/lyU"), ("DELETE", "/db/neo4j/query/v2/tx/lyU")],
            api.Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", api.Requests[2].Affinity);
    }

    [Fact]
    public async Task InTransaction_TransientFailure_RetriesTheWholeTransaction()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Deadlock)
            .Reply(404, "")
            .Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Empty)
            .Reply(200, DocumentedAnswers.Committed);
        using var client = TestClients.Client(api.Url);

        await client.InTransactionAsync((tx, token) => tx.RunAsync(UpsertNodes, Rows(), token));

        Assert.Equal(["POST tx", "POST lyU", "DELETE lyU", "POST tx", "POST lyU", "POST commit"],
            api.Requests.Select(r => $"{r.Method} {r.Path.Split('/')[^1]}"));
    }
}
