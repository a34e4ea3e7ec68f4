using System.Diagnostics;

namespace ChainGraph.Benchmarks;

/// <summary>One timed run of a headline figure, with the process's peak working set.</summary>
internal static class Once
{
    public static async Task<int> RunAsync(string name)
    {
        Func<Task<string>> run = name switch
        {
            "import-chainkg" => ImportChainKgBenchmark.ImportOnceAsync,
            _ => throw new ArgumentException($"Unknown figure '{name}'; expected import-chainkg."),
        };
        var clock = Stopwatch.StartNew();
        var detail = await run();
        clock.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.000} s wall, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB; {detail}");
        return 0;
    }
}
