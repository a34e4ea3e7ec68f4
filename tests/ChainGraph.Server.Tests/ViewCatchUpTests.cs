using System.Net.Http.Json;
using System.Text;
using ChainGraph.Server.Hubs;
using ChainGraph.Server.Views;

namespace ChainGraph.Server.Tests;

/// <summary>A view built while a write committed is brought up to it once registered: the write's notification went before it.</summary>
public sealed class ViewCatchUpTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task WritesWhileViewsRefresh_NeitherStallTheSnapshotNorTheViews()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "lithium-battery", region = "宁德" }))!;

        // Each refresh asks the analysis again, which waits for the snapshot to take in the writes after it.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            server.Http.PutAsJsonAsync($"/api/nodes/test:burst-{i}", new { label = "Enterprise", properties = new { name = $"厂{i}", city = "宁德市" } })));
        var analysis = server.Http.GetAsync($"/api/analyses/gaps?chain=lithium-battery&region={Uri.EscapeDataString("宁德")}&strongAt=6");

        Assert.Same(analysis, await Task.WhenAny(analysis, Task.Delay(TimeSpan.FromSeconds(20))));
        (await analysis).EnsureSuccessStatusCode();
        var import = """{"type":"relationship","label":"MAKES","start":{"id":"test:burst-0","labels":["Enterprise"]},"end":{"id":"碳酸锂","labels":["Product"]}}""";
        (await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(import, Encoding.UTF8))).EnsureSuccessStatusCode();
        await client.WaitForAsync("ViewPatched", a => (string?)a[0]!["viewId"] == (string?)view["viewId"] && a[0]!["analysis"] is not null, timeoutMs: 20_000);
    }

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
