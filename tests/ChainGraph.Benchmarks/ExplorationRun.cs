using System.Diagnostics;
using System.Text.Json;
using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.Paths;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Headline figures of the researchers' analyses: a shortest path (goal under 5 ms), PageRank
/// (under 50 ms) and communities (under 1 s) on ChainKnowledgeGraph, NetworkX's times beside them,
/// and the same on any store (e.g. a generated one) to see how they grow.
/// </summary>
internal static class ExplorationRun
{
    public static async Task<string> ChainKgAsync()
    {
        var lines = Measure(ChainKgSnapshot.Instance);
        var networkx = await Repository.NetworkXTimingsAsync("networkx_centrality.py");
        lines.Add(networkx is { } nx
            ? $"NetworkX 3.6.1 (pure Python): PageRank {nx.GetProperty("pagerank").GetDouble():0.0} s, Louvain {nx.GetProperty("louvain").GetDouble():0.0} s"
            : "NetworkX not available (python3 with networkx)");
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    public static async Task<string> StoreAsync(string db)
    {
        await using var store = new SqliteGraphStore(db);
        return Environment.NewLine + string.Join(Environment.NewLine, Measure(await store.LoadSnapshotAsync()));
    }

    static List<string> Measure(GraphSnapshot snapshot)
    {
        var lines = new List<string> { $"{snapshot.NodeCount:N0} nodes, {snapshot.RelationshipCount:N0} relationships" };
        var random = new Random(7);
        var enterprises = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise && snapshot.Out(RelType.Makes).Degree(v) > 0).ToArray();
        var pairs = Enumerable.Range(0, 200).Select(_ => (enterprises[random.Next(enterprises.Length)], enterprises[random.Next(enterprises.Length)])).ToList();
        var found = 0;
        var times = pairs.Select(p =>
        {
            var clock = Stopwatch.StartNew();
            if (PathFinder.Shortest(snapshot, p.Item1, p.Item2, Traversal.Supply) is not null) found++;
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        lines.Add($"shortest path between random enterprises (200 pairs, {found} linked): median {times[100]:0.00} ms, p95 {times[190]:0.00} ms");
        var members = SupplyMembers.Of(snapshot);
        PageRank.Compute(snapshot, members);
        lines.Add($"PageRank: {Time(() => PageRank.Compute(snapshot, members)):0.0} ms");
        var network = UndirectedNetwork.Build(snapshot, SupplyMembers.Types);
        var modularity = 0.0;
        lines.Add($"Louvain communities: {Time(() => modularity = Louvain.Modularity(network, Louvain.Communities(network))):0} ms (modularity {modularity:0.0000})");
        lines.Add($"betweenness, 100 sampled sources: {Time(() => SampledBetweenness.Compute(network, 100)):0} ms");
        return lines;
    }

    static double Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalMilliseconds;
    }

}
