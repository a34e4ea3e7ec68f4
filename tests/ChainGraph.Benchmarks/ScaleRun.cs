using System.Diagnostics;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Regions;
using ChainGraph.Analysis.Structure;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Times snapshot load and each analysis on an existing store (for example one imported from
/// <c>chaingraph generate</c>), to show how they grow from 100k to 1M enterprises.
/// </summary>
internal static class ScaleRun
{
    public static async Task<string> RunAsync(string db, string chain, string region)
    {
        var lines = new List<string>();
        await using var store = new SqliteGraphStore(db);
        var snapshot = await Time("snapshot load", lines, () => store.LoadSnapshotAsync());
        lines.Add($"  {snapshot.NodeCount:N0} nodes, {snapshot.RelationshipCount:N0} relationships");
        var network = Time("supply network (undirected CSR)", lines, () => UndirectedNetwork.SupplyNetwork(snapshot));
        Time("articulation points + bridges", lines, () => ArticulationPoints.Find(network));
        Time("dominators", lines, () => DominatorAnalysis.Compute(snapshot));
        var report = Time("chokepoints (all, ranked)", lines, () => ChokepointAnalysis.Run(snapshot));
        var resolved = Time($"chain segments ({chain})", lines, () => ChainSegments.Resolve(snapshot, chain));
        Time($"gaps ({chain} in {region})", lines, () => ChainGapAnalysis.Run(snapshot, resolved, RegionFilter.Parse(region)));
        var top = report.Items[0];
        snapshot.TryGetIndex(top.Id, out var removed);
        var loss = Time($"disruption (remove {top.Id})", lines, () => DisruptionAnalysis.Run(snapshot, [removed], chains: [resolved]));
        lines.Add($"  lost {loss.LostProducts.Length:N0} products");
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    static T Time<T>(string what, List<string> lines, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        lines.Add($"{what,-44} {clock.Elapsed.TotalMilliseconds,10:N1} ms");
        return result;
    }

    static async Task<T> Time<T>(string what, List<string> lines, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        lines.Add($"{what,-44} {clock.Elapsed.TotalMilliseconds,10:N1} ms");
        return result;
    }
}
