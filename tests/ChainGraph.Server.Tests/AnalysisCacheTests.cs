using System.Net;
using System.Net.Http.Json;
using ChainGraph.Application;
using ChainGraph.Model.Import;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using Microsoft.Extensions.Time.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>
/// One cache for every analysis: keyed by snapshot version and query, bounded, one computation per
/// question however many ask at once, stopped when nobody waits, failures not kept.
/// </summary>
public sealed class AnalysisCacheTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>A query that counts its runs and, while <see cref="Hold"/> is unset, waits for it (or for its token).</summary>
    sealed record ProbeQuery(string Name, Probe Probe) : IQuery<Probe.Result>
    {
        public void Validate() { }

        public Probe.Result Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Probe.Runs);
            Probe.Started.TrySetResult();
            try
            {
                Probe.Hold.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Probe.Stopped.TrySetResult();
                throw;
            }
            if (Probe.Fail) throw new InvalidOperationException("probe failed");
            return new Probe.Result(snapshot.NodeCount);
        }
    }

    sealed class Probe(bool held = false, bool fail = false)
    {
        public sealed record Result(int Nodes);

        public int Runs;

        public ManualResetEventSlim Hold { get; } = new(!held);

        public bool Fail { get; } = fail;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task IdenticalConcurrentQueries_ShareOneComputation()
    {
        var probe = new Probe(held: true);
        var asks = Enumerable.Range(0, 10).Select(_ => server.Graph.RunAsync(new ProbeQuery("shared", probe))).ToList();
        await probe.Started.Task;
        probe.Hold.Set();

        var answers = await Task.WhenAll(asks);

        Assert.Equal(1, probe.Runs);
        Assert.All(answers, a => Assert.Same(answers[0].Result, a.Result));
    }

    [Fact]
    public async Task AComputationWhoseCallersAllLeave_IsStopped()
    {
        var probe = new Probe(held: true);
        using var leave = new CancellationTokenSource();
        var ask = server.Graph.RunAsync(new ProbeQuery("abandoned", probe), leave.Token);
        await probe.Started.Task;

        leave.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
        await probe.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AComputation_IsStoppedWhenItsBudgetIsSpent_NotBefore()
    {
        var time = new FakeTimeProvider();
        var budget = TimeSpan.FromSeconds(30);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ask = new AnalysisCache(4, time).GetOrRunAsync("budgeted", token =>
        {
            started.SetResult();
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return "never";
        }, budget, CancellationToken.None);
        await started.Task;

        time.Advance(budget - TimeSpan.FromTicks(1));
        Assert.False(ask.IsCompleted, "stopped before its budget was spent");
        time.Advance(TimeSpan.FromTicks(1));

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ask);
        Assert.Contains("ran past its budget of 30 s", error.Message);
    }

    [Fact]
    public async Task AFailure_IsNotKept()
    {
        var probe = new Probe(fail: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Graph.RunAsync(new ProbeQuery("failing", probe)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Graph.RunAsync(new ProbeQuery("failing", probe)));

        Assert.Equal(2, probe.Runs);
    }

    [Fact]
    public async Task AResultComputedBeforeAWrite_IsNotServedAfterIt()
    {
        var probe = new Probe(held: true);
        var before = server.Graph.RunAsync(new ProbeQuery("versioned", probe));
        await probe.Started.Task;
        var batch = new GraphBatch();
        batch.AddNode("test:cache-version", Model.NodeLabel.Product, new Dictionary<string, object> { ["name"] = "版本" }, new SourceLocation("test", 1));
        await server.Graph.WriteAsync(batch);
        probe.Hold.Set();

        var old = await before;
        var fresh = await server.Graph.RunAsync(new ProbeQuery("versioned", probe));

        Assert.Equal(2, probe.Runs);
        Assert.True(fresh.Version > old.Version);
        Assert.Equal(old.Result.Nodes + 1, fresh.Result.Nodes);
    }

    [Fact]
    public async Task ManyDistinctParameters_KeepTheCacheBounded()
    {
        for (var strongAt = 2; strongAt < 2 + 2 * GraphService.CachedResults; strongAt += 2)
        {
            var response = await server.Http.GetAsync($"/api/analyses/gaps?chain=lithium-battery&region=%E5%B8%B8%E5%B7%9E&weakBelow=1&strongAt={strongAt}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(server.Graph.CachedCount, 1, GraphService.CachedResults);
    }

    [Fact]
    public async Task AnAnalysis_SaysWhichSnapshotVersionItWasComputedOn_AndAWriteMovesIt()
    {
        const string Gaps = "/api/analyses/gaps?chain=lithium-battery&region=%E5%B8%B8%E5%B7%9E";
        static long Version(HttpResponseMessage response) => long.Parse(response.Headers.GetValues(Answer<object>.VersionHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);

        var before = Version(await server.Http.GetAsync(Gaps));
        (await server.Http.PutAsJsonAsync("/api/nodes?id=test:versioned", new { label = "Product", properties = new { name = "版本号" } })).EnsureSuccessStatusCode();
        var after = Version(await server.Http.GetAsync(Gaps));
        var csv = Version(await server.Http.GetAsync(Gaps + "&format=csv"));

        Assert.True(after > before, $"{before} then {after}");
        Assert.Equal(after, csv);
    }
}
