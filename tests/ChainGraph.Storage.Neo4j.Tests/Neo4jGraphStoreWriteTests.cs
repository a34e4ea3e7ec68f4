using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>How the store writes, against the local endpoint (the contract suite needs a live Neo4j).</summary>
public sealed class Neo4jGraphStoreWriteTests : IDisposable
{
    readonly FakeQueryApi api = new();

    public void Dispose() => api.Dispose();

    static ImportPlan Plan(int nodes, params (string Start, string End)[] supplies) => new(
        Enumerable.Range(0, nodes).Select(i => new GraphNode($"e{i}", NodeLabel.Enterprise, new Dictionary<string, object> { ["name"] = $"E{i}", ["capacity"] = 300.0 })).ToList(),
        supplies.Select(s => new GraphRelationship(RelType.Supplies, s.Start, s.End, new Dictionary<string, object>())).ToList(),
        [], [], [], new Dictionary<NodeLabel, int>());

    static string Written(int count) => $$"""{"data":{"fields":["written"],"values":[[{{count}}]]},"bookmarks":[]}""";

    [Fact]
    public async Task Write_SendsBatchesInOneTransactionAndCommits()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Empty).Reply(202, DocumentedAnswers.Empty).Reply(202, Written(1))
            .Reply(202, DocumentedAnswers.Empty).Reply(200, DocumentedAnswers.Committed);
        await using var store = TestClients.Store(api.Url);

        await store.WriteAsync(Plan(3, ("e0", "e1")));

        var requests = api.Requests;
        Assert.Equal(["POST tx", "POST lyU", "POST lyU", "POST lyU", "POST lyU", "POST commit"], requests.Select(r => $"{r.Method} {r.Path.Split('/')[^1]}"));
        Assert.Equal([2, 1], requests.Skip(1).Take(2).Select(r => r.Json.GetProperty("parameters").GetProperty("rows").GetArrayLength()));
        Assert.Equal(CypherCatalog.Get("upsert-relationships").Text, requests[3].Json.GetProperty("statement").GetString());
        var row = requests[1].Json.GetProperty("parameters").GetProperty("rows")[0];
        Assert.Equal(("e0", "Enterprise"), (row.GetProperty("id").GetString(), row.GetProperty("label").GetString()));
        Assert.Contains("\"capacity\":300.0", requests[1].Body);
    }

    [Fact]
    public async Task Write_RelationshipToAMissingNode_RollsBackAndSaysSo()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Empty).Reply(202, Written(0)).Reply(200, "{}");
        await using var store = TestClients.Store(api.Url);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => store.WriteAsync(Plan(1, ("e0", "gone"))));

        Assert.Equal(Neo4jErrorCodes.NodeNotFound, e.Code);
        Assert.Equal("DELETE", api.Requests[^1].Method);
    }

    [Fact]
    public async Task Write_Removals_SetThePropertiesToNullAndDeleteTheRelationshipsInTheSameTransactionFirst()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, DocumentedAnswers.Empty).Reply(202, DocumentedAnswers.Empty).Reply(202, DocumentedAnswers.Empty)
            .Reply(202, DocumentedAnswers.Empty).Reply(200, DocumentedAnswers.Committed);
        await using var store = TestClients.Store(api.Url);
        var plan = Plan(1) with
        {
            RemovedProperties = [new PropertyRemoval("e0", NodeLabel.Enterprise, ["city", "county"])],
            RemovedRelationships = [new RelationshipKey(RelType.LocatedIn, "e0", "CN-350900")],
        };

        await store.WriteAsync(plan);

        var requests = api.Requests;
        Assert.Equal(["POST tx", "POST lyU", "POST lyU", "POST lyU", "POST lyU", "POST commit"], requests.Select(r => $"{r.Method} {r.Path.Split('/')[^1]}"));
        Assert.Equal(CypherCatalog.Get("upsert-nodes").Text, requests[1].Json.GetProperty("statement").GetString());
        Assert.Equal("""{"city":null,"county":null}""", requests[1].Json.GetProperty("parameters").GetProperty("rows")[0].GetProperty("props").GetRawText());
        Assert.Equal(CypherCatalog.Get("delete-relationship").Text, requests[2].Json.GetProperty("statement").GetString());
        Assert.Equal("CN-350900", requests[2].Json.GetProperty("parameters").GetProperty("end").GetString());
    }

    static string Deleted(int count) => $$"""{"data":{"fields":["deleted"],"values":[[{{count}}]]},"bookmarks":[]}""";

    static string Statement(ReceivedRequest request) => request.Json.GetProperty("statement").GetString()!;

    static long Start(ReceivedRequest request) => request.Json.GetProperty("parameters").GetProperty("start").GetInt64();

    [Fact]
    public async Task Write_CountsTheChangeStampUpLastInItsOwnTransaction_FromARandomStartThatCannotOverflow()
    {
        for (var i = 0; i < 2; i++)
            api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
                .Reply(202, DocumentedAnswers.Empty).Reply(202, DocumentedAnswers.Empty).Reply(200, DocumentedAnswers.Committed);
        await using var store = TestClients.Store(api.Url);

        await store.WriteAsync(Plan(1));
        await store.WriteAsync(Plan(1));

        var stamps = api.Requests.Where((_, i) => i % 4 == 2).ToList();
        Assert.All(stamps, r => Assert.Equal(($"/db/neo4j/query/v2/tx/{DocumentedAnswers.TransactionId}", CypherCatalog.Get("renew-change-stamp").Text), (r.Path, Statement(r))));
        Assert.All(stamps, r => Assert.InRange(Start(r), 0, long.MaxValue / 2));
        Assert.Contains("SET m.stamp = m.stamp + 1", Statement(stamps[0]));
        Assert.All(api.Requests.Where((_, i) => i % 4 == 3), r => Assert.EndsWith("/commit", r.Path));
    }

    [Fact]
    public async Task DeleteNode_RenewsTheChangeStampInTheSameTransaction_OnlyWhenItDeletedSomething()
    {
        api.Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, Deleted(1)).Reply(202, DocumentedAnswers.Empty).Reply(200, DocumentedAnswers.Committed)
            .Reply(202, DocumentedAnswers.TransactionOpened, DocumentedAnswers.Affinity)
            .Reply(202, Deleted(0)).Reply(200, DocumentedAnswers.Committed);
        await using var store = TestClients.Store(api.Url);

        Assert.True(await store.DeleteNodeAsync("e0"));
        Assert.False(await store.DeleteNodeAsync("e0"));

        Assert.Equal(["tx", "delete-node", "renew-change-stamp", "commit", "tx", "delete-node", "commit"], api.Requests.Select(Step));
    }

    [Fact]
    public async Task DeleteAll_RenewsTheChangeStampAfterwards()
    {
        api.Reply(202, DocumentedAnswers.Empty).Reply(202, DocumentedAnswers.Empty);
        await using var store = TestClients.Store(api.Url);

        await store.DeleteAllAsync();

        Assert.Equal(["delete-all", "renew-change-stamp"], api.Requests.Select(Step));
    }

    /// <summary>The statement a request ran, by file name, or the transaction step it took.</summary>
    static string Step(ReceivedRequest request) => request.Body.Length == 0
        ? request.Path.Split('/')[^1]
        : CypherCatalog.Queries.Single(q => q.Value.Text == Statement(request)).Key;
}
