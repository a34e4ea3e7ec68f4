using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainGraph.Server.Hubs;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>
/// A bounded load on loopback: requests at a fixed rate for a fixed time, mixing searches (40%),
/// hub expands (20%), analyses (25%) and writes (15%), over 10 hub clients and one HTTP client;
/// it stops by itself. Reports throughput, errors, latency percentiles and the process's memory
/// over the run, sampled every second (a soak: run it longer and compare the start and the end).
/// </summary>
internal static class LoadRun
{
    public static async Task<string> RunAsync(int rate, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, 3600);
        await using var server = await ServiceRuns.BenchServer.StartAsync(demo: true);
        var hubs = new List<(RecordingHubClient Client, string View, string[] Nodes)>();
        for (var i = 0; i < 10; i++)
        {
            var client = await RecordingHubClient.ConnectAsync<IGraphClient>(server.Address);
            var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = i % 2 == 0 ? "lithium-battery" : "photovoltaics" }))!;
            var nodes = view["elements"]!.AsArray().Where(e => (string?)e!["group"] == "nodes").Select(e => (string)e!["data"]!["id"]!).ToArray();
            hubs.Add((client, (string)view["viewId"]!, nodes));
        }
        string[] searches = ["锂", "电池", "宁德", "隔膜", "光伏", "风电", "硅", "汽车", "正极", "MCU"];
        string[] analyses =
        [
            "/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("常州"),
            "/api/analyses/chokepoints?top=50",
            "/api/analyses/paths?from=002460&to=300750&k=3",
            "/api/analyses/gaps?chain=photovoltaics&region=" + Uri.EscapeDataString("江苏"),
        ];
        var random = new Random(11);
        var latencies = new List<double>();
        var errors = 0;
        var memory = new List<long>();
        using var self = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var total = rate * seconds;
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            if (i % rate == 0)
            {
                // The load's own clients live in this process too: drop their pushes so only the server's memory grows.
                foreach (var (client, _, _) in hubs) client.ClearReceived();
                self.Refresh();
                memory.Add(self.WorkingSet64);
            }
            var roll = random.Next(100);
            var (hub, view, nodes) = hubs[random.Next(hubs.Count)];
            var node = nodes[random.Next(nodes.Length)];
            var search = searches[random.Next(searches.Length)];
            var analysis = analyses[random.Next(analyses.Length)];
            var written = random.Next(1000);
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (roll < 40) (await server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString(search))).EnsureSuccessStatusCode();
                    else if (roll < 60) await hub.InvokeAsync(roll % 2 == 0 ? "Expand" : "Collapse", view, node);
                    else if (roll < 85) (await server.Http.GetAsync(analysis)).EnsureSuccessStatusCode();
                    else (await server.Http.PutAsJsonAsync("/api/nodes/" + Uri.EscapeDataString("碳酸锂"), new { label = "Product", properties = new { load = (long)written } })).EnsureSuccessStatusCode();
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies) latencies.Add(elapsed);
            }));
        }
        await Task.WhenAll(running);
        var wall = clock.Elapsed.TotalSeconds;
        foreach (var (client, _, _) in hubs) await client.DisposeAsync();
        latencies.Sort();
        double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return $"{latencies.Count:N0} requests in {wall:0.0} s ({latencies.Count / wall:0} req/s; mix 40% search, 20% hub expand/collapse, 25% analyses, 15% writes), {errors} errors; " +
            $"latency p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {latencies[^1]:0} ms; working set start {memory[0] >> 20} MiB, " +
            $"max {memory.Max() >> 20} MiB, end {memory[^1] >> 20} MiB";
    }
}
