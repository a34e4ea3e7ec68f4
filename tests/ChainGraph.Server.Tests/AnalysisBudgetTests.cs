using System.Net;
using System.Text.Json.Nodes;

namespace ChainGraph.Server.Tests;

/// <summary>An expensive analysis cannot hold a core past its budget, and a stopped one is not remembered as the answer.</summary>
public sealed class AnalysisBudgetTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AnalysisPastItsBudget_IsStoppedWithAClearError_AndTheNextRequestComputesAfresh()
    {
        server.Graph.AnalysisBudget = TimeSpan.Zero;
        var stopped = await server.Http.GetAsync("/api/analyses/centrality?samples=2000&top=7");
        server.Graph.AnalysisBudget = TimeSpan.FromSeconds(30);
        var again = await server.Http.GetAsync("/api/analyses/centrality?samples=2000&top=7");

        Assert.Equal(HttpStatusCode.BadRequest, stopped.StatusCode);
        Assert.Contains("ran past its budget", (string?)JsonNode.Parse(await stopped.Content.ReadAsStringAsync())!["detail"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
