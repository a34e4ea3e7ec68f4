using System.Text;
using ChainGraph.Storage.Neo4j.Cypher;
using Microsoft.Extensions.Time.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>The Query API client against a real local endpoint answering in Neo4j's documented shapes.</summary>
public sealed class Neo4jQueryClientTests : IDisposable
{
    readonly FakeTimeProvider time = new();
    readonly FakeQueryApi api;

    public Neo4jQueryClientTests() => api = new FakeQueryApi(time: time);

    static readonly CypherStatement GetNode = CypherCatalog.Get("get-node");

    static Dictionary<string, object?> Id(string id) => new() { ["id"] = id };

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Run_Success_PostsStatementAndParametersWithBasicAuth_AndReadsTheResult()
    {
        api.Reply(202, DocumentedAnswers.Result);
        using var client = TestClients.Client(api.Url);

        var result = await client.RunAsync(GetNode, Id("300750"));

        Assert.Equal(["n.name"], result.Fields);
        Assert.Equal("Peter", result.Rows.Single()[0].GetString());
        Assert.Equal(["FB:kcwQaCYpl4jjRRiD7NlEZ0YJ9MkB8pA="], result.Bookmarks);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"neo4j:{TestClients.Password}")), request.Authorization);
        Assert.Equal(GetNode.Text, request.Json.GetProperty("statement").GetString());
        Assert.Equal("300750", request.Json.GetProperty("parameters").GetProperty("id").GetString());
        Assert.False(request.Json.TryGetProperty("bookmarks", out _));
    }

    [Fact]
    public async Task Run_AfterAWrite_SendsTheBookmarksOfThatWrite()
    {
        api.Reply(202, DocumentedAnswers.Result).Reply(202, DocumentedAnswers.Result);
        using var client = TestClients.Client(api.Url);

        await client.RunAsync(GetNode, Id("a"));
        await client.RunAsync(GetNode, Id("b"));

        var bookmarks = api.Requests[1].Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString());
        Assert.Equal(["FB:kcwQaCYpl4jjRRiD7NlEZ0YJ9MkB8pA="], bookmarks);
    }

    [Fact]
    public async Task Run_202WithErrors_ThrowsTheNeo4jCodeAndMessage()
    {
        api.Reply(202, DocumentedAnswers.ConstraintViolation);
        using var client = TestClients.Client(api.Url);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(GetNode, Id("300750")));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", e.Code);
        Assert.False(e.IsTransient);
        Assert.Contains("already exists with label `ChainNode`", e.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Run_401_IsReportedOnceAsNotTransient_WithoutThePassword()
    {
        api.Reply(401, DocumentedAnswers.Unauthorized);
        using var client = TestClients.Client(api.Url);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(GetNode, Id("300750")));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", e.Code);
        Assert.False(e.IsTransient);
        Assert.DoesNotContain(TestClients.Password, e.ToString());
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Run_TransientErrorThenSuccess_IsRetriedAndSucceeds()
    {
        api.Reply(400, DocumentedAnswers.Deadlock).Reply(202, DocumentedAnswers.Result);
        using var client = TestClients.Client(api.Url);

        var result = await client.RunAsync(GetNode, Id("300750"));

        Assert.Equal("Peter", result.Rows.Single()[0].GetString());
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(api.Requests[0].Body, api.Requests[1].Body);
    }

    [Fact]
    public async Task Run_SyntaxError_IsReportedOnceWithCodeAndMessage_AndNotRetried()
    {
        api.Reply(400, DocumentedAnswers.SyntaxError).Reply(202, DocumentedAnswers.Result);
        using var client = TestClients.Client(api.Url);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(GetNode, Id("300750")));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.False(e.IsTransient);
        Assert.Contains("Invalid input 'T': expected <init>", e.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Run_503WithRetryAfter_RetriesOnceThatTimeHasPassed()
    {
        api.Reply(503, DocumentedAnswers.DatabaseUnavailable, ("Retry-After", "1")).Reply(202, DocumentedAnswers.Result);
        using var client = TestClients.Client(api.Url, time: time);

        await MoveTimeOnUntilDoneAsync(client.RunAsync(GetNode, Id("300750")));

        Assert.Equal(2, api.Requests.Count);
        var waited = api.Requests[1].At - api.Requests[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"retried after {waited} on the clock, before Retry-After");
    }

    [Fact]
    public async Task Run_ServerTooSlow_TimesOutAsTransient()
    {
        api.ReplyAfter(TimeSpan.FromSeconds(3), 202, DocumentedAnswers.Result);
        using var client = new Neo4jQueryClient(TestClients.Options(api.Url) with { MaxRetries = 0, RequestTimeout = TimeSpan.FromMilliseconds(200) }, time);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => MoveTimeOnUntilDoneAsync(client.RunAsync(GetNode, Id("300750"))));

        Assert.Equal(Neo4jErrorCodes.Timeout, e.Code);
        Assert.True(e.IsTransient);
    }

    /// <summary>
    /// Moves the fake clock on a little at a time until the call is done: a timer the call starts
    /// between two steps fires after its full time, so the clock says exactly how long the call waited.
    /// </summary>
    async Task MoveTimeOnUntilDoneAsync(Task call)
    {
        for (var step = 0; !call.IsCompleted && step < 1_000; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(call, Task.Delay(5));
        }
        await call;
    }

    [Fact]
    public async Task Run_ParametersOtherThanDeclared_FailBeforeSending()
    {
        using var client = TestClients.Client(api.Url);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync(GetNode, new Dictionary<string, object?> { ["id"] = "x", ["name"] = "y" }));

        Assert.Contains("get-node declares parameters [id]; got [id, name]", e.Message);
        Assert.Empty(api.Requests);
    }
}
