using System.Diagnostics;

namespace ChainGraph.Benchmarks;

/// <summary>One timed run of a headline figure, with the process's peak working set.</summary>
internal static class Once
{
    public static async Task<int> RunAsync(string name, string[] rest)
    {
        Func<Task<string>> run = (name, rest) switch
        {
            ("import-chainkg", _) => ImportChainKgBenchmark.ImportOnceAsync,
            ("chokepoints-chainkg", _) => ChokepointsBenchmark.SideBySideAsync,
            ("scale", [var db, var chain, var region]) => () => ScaleRun.RunAsync(db, chain, region),
            ("hub-fanout", _) => ServiceRuns.HubFanoutAsync,
            ("exploration-chainkg", _) => ExplorationRun.ChainKgAsync,
            ("load", [var rate, var seconds]) => () => LoadRun.RunAsync(int.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            ("exploration", [var db]) => () => ExplorationRun.StoreAsync(db),
            ("rest-latency", _) => ServiceRuns.RestLatencyAsync,
            ("view-layout", [var top]) => () => ServiceRuns.ViewLayoutAsync(int.Parse(top, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Unknown figure '{name}'; expected import-chainkg, chokepoints-chainkg, scale DB CHAIN REGION, hub-fanout, rest-latency, view-layout TOP, exploration-chainkg, exploration DB or load RATE SECONDS."),
        };
        var clock = Stopwatch.StartNew();
        var detail = await run();
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.000} s wall, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB; {detail}");
        return 0;
    }
}
