using System.Diagnostics;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Profile;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Times ranking every county, city and province by one chain, comparing three cities and
/// profiling enterprises on an existing store (for example 1,000,000 enterprises from
/// <c>chaingraph generate</c>, which places each in a county). The segments' attachment, done once
/// per snapshot, is timed on its own.
/// </summary>
internal static class RegionsRun
{
    public static async Task<string> RunAsync(string db, string chain)
    {
        var lines = new List<string>();
        await using var store = new SqliteGraphStore(db);
        var snapshot = await Time("snapshot load", lines, () => store.LoadSnapshotAsync());
        lines.Add($"  {snapshot.NodeCount:N0} nodes, {snapshot.RelationshipCount:N0} relationships");
        var resolved = Time($"chain segments ({chain}, attaches every template once)", lines, () => ChainSegments.Resolve(snapshot, chain));
        lines.Add($"  {resolved.Segments.Count} segments, {resolved.Segments.Sum(s => s.Makers.Length):N0} maker entries");
        foreach (var level in new[] { RegionLevel.County, RegionLevel.County, RegionLevel.City, RegionLevel.Province })
        {
            var report = Time($"rank every {level.ToString().ToLowerInvariant()}", lines, () => RegionRanking.Run(snapshot, resolved, level, top: 20));
            lines.Add($"  {report.Total:N0} regions, {report.WithMakers:N0} with makers, best {report.Regions[0].Name} {report.Regions[0].Score}");
        }
        var wide = EveryProduct(snapshot, resolved);
        var all = Time($"rank every county, a chain of every product ({wide.Segments.Sum(s => s.Makers.Length):N0} maker entries)", lines,
            () => RegionRanking.Run(snapshot, wide, RegionLevel.County, top: 20));
        lines.Add($"  {all.Total:N0} regions, {all.WithMakers:N0} with makers, {all.Unplaced:N0} of {all.Makers:N0} makers without a county");
        Time("gaps of one county on that chain (baseline: one region)", lines,
            () => ChainGapAnalysis.Run(snapshot, wide, RegionFilter.Parse(all.Regions[0].Code), ChainGapOptions.Default with { Candidates = 0 }));
        var cities = RegionRanking.Run(snapshot, resolved, RegionLevel.City, top: 3).Regions.Select(r => RegionFilter.Parse(r.Code)).ToList();
        Time($"compare {string.Join(",", cities.Select(c => c.Name))}", lines, () => RegionComparison.Run(snapshot, resolved, cities));

        var enterprises = resolved.Segments.SelectMany(s => s.Makers).Distinct().Take(100).ToList();
        Time($"profile {snapshot.Ids[enterprises[0]]} (first)", lines, () => EnterpriseProfileAnalysis.Run(snapshot, enterprises[0], 50));
        var each = enterprises.Select(e =>
        {
            var clock = Stopwatch.StartNew();
            EnterpriseProfileAnalysis.Run(snapshot, e, 50);
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        lines.Add($"{$"profile of {each.Count} makers: median / max",-52} {each[each.Count / 2],10:N1} / {each[^1]:N1} ms");
        var busiest = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise)
            .MaxBy(v => snapshot.Out(RelType.Makes).Degree(v) + snapshot.Out(RelType.Supplies).Degree(v) + snapshot.In(RelType.Supplies).Degree(v));
        Time($"profile {snapshot.Ids[busiest]} (most links)", lines, () => EnterpriseProfileAnalysis.Run(snapshot, busiest, 50));
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>The chain's segments holding every product in turn, so that every maker of the graph is ranked.</summary>
    static ResolvedChain EveryProduct(Model.Snapshot.GraphSnapshot snapshot, ResolvedChain chain)
    {
        var products = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Product).ToArray();
        var makes = snapshot.In(RelType.Makes);
        var count = chain.Segments.Count;
        var segments = chain.Segments.Select((segment, k) =>
        {
            var held = products[(k * products.Length / count)..((k + 1) * products.Length / count)];
            return segment with { Products = held, Makers = [.. held.SelectMany(p => makes.Neighbours(p).ToArray()).Distinct()], MakerRules = null, ProductRules = null };
        }).ToList();
        return chain with { Segments = segments };
    }

    static T Time<T>(string what, List<string> lines, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        lines.Add($"{what,-52} {clock.Elapsed.TotalMilliseconds,10:N1} ms");
        return result;
    }

    static async Task<T> Time<T>(string what, List<string> lines, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        lines.Add($"{what,-52} {clock.Elapsed.TotalMilliseconds,10:N1} ms");
        return result;
    }
}
