using System.Diagnostics;
using System.Globalization;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>One timed run of a headline figure, with the process's peak working set.</summary>
internal static class Once
{
    const string Usage = "usage: once import-chainkg | chokepoints-chainkg | exploration-chainkg | kernels-chainkg | rest-latency | write-latency [DB] | first-answer DB | snapshot-image DB | memory | web-client ELEMENTS | " +
        "hub-fanout | load RATE SECONDS | scale DB CHAIN REGION | exploration DB | regions DB CHAIN | report-demo | report-chainkg";

    /// <summary>A figure, and what it reads: the ChainKnowledgeGraph data, or an existing store.</summary>
    sealed record Figure(Func<Task<string>> Run, bool ChainKg = false, string? Store = null);

    /// <summary>0 after the run; 2, with one line on stderr, for bad arguments or missing data.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var name, .. var rest] || Find(name, rest) is not { } figure)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (Missing(figure) is { } missing)
        {
            Console.Error.WriteLine($"{name}: {missing}");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var detail = await figure.Run();
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.000} s wall, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB; {detail}");
        return 0;
    }

    static Figure? Find(string name, string[] rest) => (name, rest) switch
    {
        ("import-chainkg", []) => new(ImportChainKgBenchmark.ImportOnceAsync, ChainKg: true),
        ("chokepoints-chainkg", []) => new(ChokepointsBenchmark.SideBySideAsync, ChainKg: true),
        ("exploration-chainkg", []) => new(ExplorationRun.ChainKgAsync, ChainKg: true),
        ("kernels-chainkg", []) => new(KernelsRun.ChainKgAsync, ChainKg: true),
        ("rest-latency", []) => new(ServiceRuns.RestLatencyAsync, ChainKg: true),
        ("write-latency", []) => new(() => ServiceRuns.WriteLatencyAsync(), ChainKg: true),
        ("write-latency", [var db]) => new(() => ServiceRuns.WriteLatencyAsync(db), Store: db),
        ("first-answer", [var db]) => new(() => ServiceRuns.FirstAnswerAsync(db), Store: db),
        ("snapshot-image", [var db]) => new(() => ServiceRuns.SnapshotImageAsync(db), Store: db),
        ("memory", []) => new(ServiceRuns.MemoryAsync),
        ("web-client", [var size]) when Count(size, 100_000) is { } n => new(() => WebClientRun.RunAsync(n), ChainKg: true),
        ("hub-fanout", []) => new(ServiceRuns.HubFanoutAsync),
        ("load", [var rate, var seconds]) when Count(rate, 2000) is { } r && Count(seconds, 3600) is { } s => new(() => LoadRun.RunAsync(r, s)),
        ("scale", [var db, var chain, var region]) => new(() => ScaleRun.RunAsync(db, chain, region), Store: db),
        ("exploration", [var db]) => new(() => ExplorationRun.StoreAsync(db), Store: db),
        ("regions", [var db, var chain]) => new(() => RegionsRun.RunAsync(db, chain), Store: db),
        ("report-demo", []) => new(ReportRun.DemoAsync),
        ("report-chainkg", []) => new(ReportRun.ChainKgAsync, ChainKg: true),
        _ => null,
    };

    static string? Missing(Figure figure) =>
        figure.ChainKg && SharedData.ChainKg is null ? SharedData.MissingReason
        : figure.Store is { } db && !File.Exists(db) ? $"No store at {Path.GetFullPath(db)}: give the path of an existing store (one `chaingraph import --db` wrote)."
        : null;

    static int? Count(string text, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max ? n : null;
}
