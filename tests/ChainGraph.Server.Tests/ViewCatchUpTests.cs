using System.Text;
using ChainGraph.Server.Hubs;
using ChainGraph.Server.Views;

namespace ChainGraph.Server.Tests;

/// <summary>A view built while a write committed is brought up to it once registered: the write's notification went before it.</summary>
public sealed class ViewCatchUpTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task CatchUp_ViewBuiltBeforeAWrite_TakesTheWritesAnalysisAndSegments()
    {
        var analyses = server.Service<ViewAnalyses>();
        var registry = server.Service<ViewRegistry>();
        var request = new ViewRequest("chain", "lithium-battery", "常州");
        var before = (await analyses.RunAsync(request, CancellationToken.None))!;
        var lines = """
            {"type":"node","id":"test:late-maker","labels":["Enterprise"],"properties":{"name":"常州新锂","country":"CN","province":"江苏省","city":"常州市"}}
            {"type":"relationship","label":"MAKES","start":{"id":"test:late-maker","labels":["Enterprise"]},"end":{"id":"碳酸锂","labels":["Product"]}}
            """;
        (await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(lines, Encoding.UTF8))).EnsureSuccessStatusCode();
        var (view, _, _) = registry.Open(request, "catch-up-test", view =>
        {
            lock (view.Gate)
            {
                ViewBuilder.Open(before.Snapshot, view, before);
                view.TakeAnalysis(before.Analysis, before.Version);
                return view.Snapshot();
            }
        });

        var caughtUp = await registry.CatchUpAsync(view, before.Snapshot, CancellationToken.None);

        Assert.True(caughtUp);
        lock (view.Gate)
        {
            var segment = view.Get("lithium-battery:lithium-salts");
            Assert.Equal(("weak", 1), ((string?)segment.Data["status"], (int?)segment.Data["local"]));
            Assert.Contains("\"status\":\"weak\"", view.Analysis!.Report.ToString(), StringComparison.Ordinal);
        }
        Assert.False(await registry.CatchUpAsync(view, await server.Graph.GetSnapshotAsync(), CancellationToken.None));
    }
}
