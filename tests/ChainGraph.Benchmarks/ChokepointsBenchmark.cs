using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model.Snapshot;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Headline figure: chokepoints (articulation points + dominators + concentration) on the full
/// ChainKnowledgeGraph snapshot, goal ≤ 30 ms; NetworkX needs about 1.3 s for the first two.
/// </summary>
[MemoryDiagnoser]
public class ChokepointsBenchmark
{
    GraphSnapshot snapshot = null!;

    [GlobalSetup]
    public void Setup() => snapshot = ChainKgSnapshot.Instance;

    [Benchmark(Baseline = true)]
    public ChokepointReport AllChokepoints() => ChokepointAnalysis.Run(snapshot);

    [Benchmark]
    public StructuralWeakPoints ArticulationPointsOnly() => ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot));

    [Benchmark]
    public DominatorTree DominatorsOnly() => DominatorAnalysis.Compute(snapshot);

    /// <summary>Ours (median of 20 runs after warm-up) and NetworkX's timing script, side by side in one run.</summary>
    public static async Task<string> SideBySideAsync()
    {
        var snapshot = ChainKgSnapshot.Instance;
        for (var i = 0; i < 5; i++) ChokepointAnalysis.Run(snapshot);
        var ours = Median(() => ChokepointAnalysis.Run(snapshot));
        var structureOnly = Median(() =>
        {
            ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot));
            DominatorAnalysis.Compute(snapshot);
        });
        var seconds = await Repository.NetworkXTimingsAsync("networkx_chokepoints.py");
        double? networkx = seconds is { } t ? t.GetProperty("articulationPoints").GetDouble() + t.GetProperty("dominators").GetDouble() : null;
        return $"ChainGraph all chokepoints {ours:0.0} ms (articulation points + dominators alone {structureOnly:0.0} ms); " +
            (networkx is { } nx ? $"NetworkX articulation points + dominators {nx * 1000:0} ms: {nx * 1000 / structureOnly:0}x" : "NetworkX not available (python3 with networkx)");
    }

    static double Median(Action run)
    {
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

}
