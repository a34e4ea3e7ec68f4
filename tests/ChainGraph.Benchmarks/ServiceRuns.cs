using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Hubs;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainGraph.Benchmarks;

/// <summary>
/// The service's headline figures, each against a real server on a loopback port: write-to-patch
/// fan-out to 200 hub clients, REST latency under 50 concurrent requests, memory under load.
/// Every load is bounded in clients, requests and time.
/// </summary>
internal static class ServiceRuns
{
    public static async Task<string> HubFanoutAsync()
    {
        const int Clients = 200, Writes = 20;
        await using var server = await BenchServer.StartAsync(demo: true);
        var clients = new List<RecordingHubClient>();
        for (var i = 0; i < Clients; i++) clients.Add(await RecordingHubClient.ConnectAsync<IGraphClient>(server.Address));
        var request = new { kind = "chain", chain = "lithium-battery", region = "常州" };
        var views = await Task.WhenAll(clients.Select(async c => (string)(await c.InvokeAsync("OpenView", request))!["viewId"]!));
        var latencies = new List<double>();
        for (var w = 0; w < Writes; w++)
        {
            var name = $"碳酸锂 #{w}";
            var sent = DateTime.UtcNow;
            await server.Http.PutAsJsonAsync("/api/nodes/" + Uri.EscapeDataString("碳酸锂"), new { label = "Product", properties = new { name } });
            bool Mine(JsonArray a) => a[0]!["updated"]!.AsArray().Any(e => (string?)e!["data"]!["name"] == name);
            await Task.WhenAll(clients.Select(c => c.WaitForAsync("ViewPatched", Mine)));
            var last = clients.Max(c => c.ReceivedAt("ViewPatched", Mine)!.Value);
            latencies.Add((last - sent).TotalMilliseconds);
        }
        foreach (var client in clients) await client.DisposeAsync();
        latencies.Sort();
        return $"{Clients} clients on {views.Distinct().Count()} views, {Writes} writes: time until every client has its patch " +
            $"p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms";
    }

    /// <summary>
    /// Single-node writes through the API on ChainKnowledgeGraph, one after another; then 100 at
    /// once while a reader asks for chokepoints, against the same reader on a quiet service (a cache
    /// hit) and the analysis computed afresh (what a read on each new version costs).
    /// </summary>
    /// <param name="db">A copy of this store is served instead of ChainKnowledgeGraph (the writes land in the copy).</param>
    public static async Task<string> WriteLatencyAsync(string? db = null)
    {
        const int Writes = 200, Burst = 100;
        await using var server = await BenchServer.StartAsync(demo: false, db);
        (await server.Http.GetAsync("/api/analyses/chokepoints?top=10")).EnsureSuccessStatusCode();
        var writes = new List<double>();
        for (var i = 0; i < Writes; i++)
        {
            var clock = Stopwatch.StartNew();
            (await server.Http.PutAsJsonAsync($"/api/nodes?id=bench:write-{i}", new { label = "Product", properties = new { name = $"写入 {i}" } })).EnsureSuccessStatusCode();
            writes.Add(clock.Elapsed.TotalMilliseconds);
        }
        var quiet = await ReadWhileAsync(server, Task.Delay(TimeSpan.FromSeconds(3)));
        // What one chokepoint analysis costs: a new parameter each time misses the cache, as a read on a new version does.
        var computed = new List<double>();
        for (var top = 11; top <= 30; top++)
        {
            var clock = Stopwatch.StartNew();
            (await server.Http.GetAsync($"/api/analyses/chokepoints?top={top}")).EnsureSuccessStatusCode();
            computed.Add(clock.Elapsed.TotalMilliseconds);
        }
        computed.Sort();
        var burst = Task.WhenAll(Enumerable.Range(0, Burst).Select(i =>
            server.Http.PutAsJsonAsync($"/api/nodes?id=bench:burst-{i}", new { label = "Product", properties = new { name = $"突发 {i}" } })));
        var busy = await ReadWhileAsync(server, burst);
        var graph = server.App.Services.GetRequiredService<GraphService>();
        writes.Sort();
        return $"{Writes} single-node writes: p50 {Percentile(writes, 0.5):0.0} ms, p99 {Percentile(writes, 0.99):0.0} ms; " +
            $"chokepoint reads on a quiet service p50 {Percentile(quiet, 0.5):0.0} ms, p99 {Percentile(quiet, 0.99):0.0} ms " +
            $"(computed afresh p50 {Percentile(computed, 0.5):0.0} ms, p99 {Percentile(computed, 0.99):0.0} ms); " +
            $"during {Burst} writes at once p50 {Percentile(busy, 0.5):0.0} ms, p99 {Percentile(busy, 0.99):0.0} ms; " +
            $"{graph.SnapshotLoads} snapshot loads and {graph.SnapshotPatches} patches in all";
    }

    /// <summary>
    /// From building the service on <paramref name="db"/> to its first chokepoint answer: once after
    /// the store changed (no snapshot image: the store is read and an image written), then a restart
    /// of an unchanged store (the image is read).
    /// </summary>
    public static async Task<string> FirstAnswerAsync(string db)
    {
        var store = new SqliteGraphStore(db);
        File.Delete(store.ImagePath);
        var changed = await FirstAnswerOnceAsync(store);
        var unchanged = await FirstAnswerOnceAsync(store);
        return $"first chokepoint answer {changed.Answer.TotalSeconds:0.00} s after start (snapshot {changed.Snapshot.TotalSeconds:0.00} s) when the store changed, " +
            $"{unchanged.Answer.TotalSeconds:0.00} s (snapshot {unchanged.Snapshot.TotalSeconds:0.00} s) after a restart with the store unchanged " +
            $"(image {new FileInfo(store.ImagePath).Length / 1048576.0:0} MiB)";
    }

    /// <summary>The snapshot of <paramref name="db"/> from its tables, written as an image, and read back from it.</summary>
    public static async Task<string> SnapshotImageAsync(string db)
    {
        var store = new SqliteGraphStore(db);
        File.Delete(store.ImagePath);
        var clock = Stopwatch.StartNew();
        var snapshot = await store.LoadSnapshotAsync();
        var tablesAndWrite = clock.Elapsed;
        clock.Restart();
        _ = await SnapshotImage.ReadAsync(store.ImagePath, snapshot.ChangeStamp);
        var read = clock.Elapsed;
        var bytes = new FileInfo(store.ImagePath).Length;
        clock.Restart();
        await using (var copy = new MemoryStream()) SnapshotImage.Write(snapshot, copy);
        var write = clock.Elapsed;
        return $"{snapshot.NodeCount:N0} nodes, {snapshot.RelationshipCount:N0} relationships: from the tables and image written {tablesAndWrite.TotalSeconds:0.00} s; " +
            $"image ({bytes / 1048576.0:0} MiB) written {write.TotalSeconds:0.00} s, read {read.TotalSeconds:0.00} s";
    }

    static async Task<(TimeSpan Snapshot, TimeSpan Answer)> FirstAnswerOnceAsync(SqliteGraphStore store)
    {
        var clock = Stopwatch.StartNew();
        await using var app = ServerHost.Build(store, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        using var http = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var answer = http.GetAsync("/api/analyses/chokepoints?top=10");
        await app.Services.GetRequiredService<GraphService>().GetSnapshotAsync();
        var snapshot = clock.Elapsed;
        (await answer).EnsureSuccessStatusCode();
        var elapsed = clock.Elapsed;
        await app.StopAsync();
        return (snapshot, elapsed);
    }

    /// <summary>Chokepoint request latencies, one after another, until <paramref name="until"/> completes (at least one).</summary>
    static async Task<List<double>> ReadWhileAsync(BenchServer server, Task until)
    {
        var latencies = new List<double>();
        do
        {
            var clock = Stopwatch.StartNew();
            (await server.Http.GetAsync("/api/analyses/chokepoints?top=10")).EnsureSuccessStatusCode();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        while (!until.IsCompleted);
        await until;
        latencies.Sort();
        return latencies;
    }

    /// <summary>
    /// The service's managed heap (after a full collection) around 30 s of gap requests with a new
    /// parameter each time, and around 5,000 room views opened by 250 hub clients that then leave.
    /// </summary>
    public static async Task<string> MemoryAsync()
    {
        const int Clients = 250, ViewsEach = 20;
        await using var server = await BenchServer.StartAsync(demo: true);
        var views = server.App.Services.GetRequiredService<ViewRegistry>();
        var graph = server.App.Services.GetRequiredService<GraphService>();
        static long Heap() => GC.GetTotalMemory(forceFullCollection: true) >> 20;
        (await server.Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=%E5%B8%B8%E5%B7%9E")).EnsureSuccessStatusCode();
        var start = Heap();
        var requests = 0;
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); requests++)
            (await server.Http.GetAsync($"/api/analyses/gaps?chain=lithium-battery&region=%E5%B8%B8%E5%B7%9E&weakBelow=1&strongAt={2 + requests}")).EnsureSuccessStatusCode();
        var afterParameters = Heap();
        var clients = new List<RecordingHubClient>();
        for (var c = 0; c < Clients; c++) clients.Add(await RecordingHubClient.ConnectAsync<IGraphClient>(server.Address));
        for (var c = 0; c < Clients; c++)
            for (var v = 0; v < ViewsEach; v++)
                await clients[c].InvokeAsync("OpenView", new { kind = "chain", chain = "lithium-battery", region = "常州", room = $"room-{c}-{v}" });
        var open = views.Count;
        var withViews = Heap();
        foreach (var client in clients) await client.DisposeAsync();
        for (var wait = Stopwatch.StartNew(); views.Count > 0 && wait.Elapsed < TimeSpan.FromSeconds(30);) await Task.Delay(50);
        var left = Heap();
        return $"managed heap {start} MiB; after {requests:N0} distinct gap requests in 30 s {afterParameters} MiB ({graph.CachedCount} results kept); " +
            $"with {open:N0} room views open {withViews} MiB; after their clients left {left} MiB ({views.Count} views left)";
    }

    public static async Task<string> RestLatencyAsync()
    {
        const int Workers = 50;
        var duration = TimeSpan.FromSeconds(15);
        await using var server = await BenchServer.StartAsync(demo: false);
        string[] paths =
        [
            "/api/analyses/chokepoints?top=50",
            "/api/analyses/gaps?chain=" + Uri.EscapeDataString("锂电池") + "&region=" + Uri.EscapeDataString("江苏"),
            "/api/analyses/gaps?chain=" + Uri.EscapeDataString("光伏电池组件") + "&region=" + Uri.EscapeDataString("浙江"),
            "/api/analyses/gaps?chain=" + Uri.EscapeDataString("锂电池") + "&region=" + Uri.EscapeDataString("广东"),
        ];
        var latencies = new List<double>();
        var errors = 0;
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var mine = new List<double>();
            for (var i = worker; DateTime.UtcNow < deadline; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await server.Http.GetAsync(paths[i % paths.Length]);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
            lock (latencies) latencies.AddRange(mine);
        }));
        latencies.Sort();
        return $"{latencies.Count:N0} requests by {Workers} concurrent clients in {duration.TotalSeconds} s ({latencies.Count / duration.TotalSeconds:N0}/s), " +
            $"{errors} errors: p50 {Percentile(latencies, 0.5):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms";
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>A server on a free loopback port over a new store holding the demo or ChainKnowledgeGraph.</summary>
    internal sealed class BenchServer : IAsyncDisposable
    {
        readonly TempDirectory folder = new();
        public WebApplication App { get; private set; } = null!;

        public Uri Address { get; private set; } = null!;

        public HttpClient Http { get; private set; } = null!;

        /// <param name="db">A store to serve a copy of, instead of the demo or ChainKnowledgeGraph.</param>
        public static async Task<BenchServer> StartAsync(bool demo, string? db = null)
        {
            var server = new BenchServer();
            if (db is not null) File.Copy(db, server.folder.File("graph.db"));
            var store = new SqliteGraphStore(server.folder.File("graph.db"));
            await store.InitializeAsync();
            if (!demo && db is null)
            {
                var batch = new GraphBatch();
                new ChainKgReader().Read(SharedData.ChainKg ?? throw new InvalidOperationException(SharedData.MissingReason), batch);
                await new GraphImporter(store).ImportAsync(batch);
            }
            server.App = ServerHost.Build(store, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (demo) await ServerHost.LoadDemoIfEmptyAsync(server.App.Services.GetRequiredService<GraphService>());
            await server.App.StartAsync();
            server.Address = new Uri(server.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            server.Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
            server.Http.DefaultRequestHeaders.Add(AccessMode.TokenHeader, server.App.Services.GetRequiredService<AccessMode>().WriteToken);
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            folder.Dispose();
        }
    }
}
