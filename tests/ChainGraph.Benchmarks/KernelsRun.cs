using System.Diagnostics;
using System.Text.Json;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Analysis.Centrality;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Our graph kernels beside igraph's and graph-tool's (peers/kernels.py under /usr/bin/python3) on the
/// graphs the analyses run on, built from ChainKnowledgeGraph. Interleaved, so both sides see the same
/// load: each round times each of ours once, then each of the peers' once; medians over the rounds.
/// The peers' answers are checked against ours first, so the times are for the same results.
/// </summary>
internal static partial class KernelsRun
{
    const int Rounds = 15;
    const string Python = "/usr/bin/python3";
    static readonly string[] Kernels = ["articulationPoints", "dominators", "pageRank", "louvain"];

    /// <summary>Times per library (ours first), per kernel, one per round.</summary>
    sealed class Times : Dictionary<string, Dictionary<string, List<double>>>
    {
        public void Add(string library, string kernel, double ms)
        {
            var byKernel = TryGetValue(library, out var found) ? found : this[library] = [];
            (byKernel.TryGetValue(kernel, out var list) ? list : byKernel[kernel] = []).Add(ms);
        }

        public double? Median(string library, string kernel) =>
            TryGetValue(library, out var byKernel) && byKernel.TryGetValue(kernel, out var values) ? KernelsRun.Median(values) : null;
    }

    public static async Task<string> ChainKgAsync()
    {
        var graphs = new Graphs(ChainKgSnapshot.Instance);
        Func<object>[] ours =
        [
            () => ArticulationPoints.Find(graphs.Structure), () => DominatorAnalysis.Compute(graphs.Snapshot),
            () => PageRank.Compute(graphs.Snapshot, graphs.Members), () => Louvain.Communities(graphs.Communities),
        ];
        var answers = ours.Select(run => run()).ToArray();
        var modularity = Louvain.Modularity(graphs.Communities, (int[])answers[3]);
        using var folder = new TempDirectory();
        graphs.Write(folder, answers);
        using var peers = StartPeers(folder.Path);
        var ready = peers is null ? null : await ReadJsonAsync(peers);
        var times = await RoundsAsync(ours, ready is null ? null : peers);
        var figures = Kernels.ToDictionary(k => k, k => Math.Round(times.Median("ours", k)!.Value, 2));
        string[] lines =
        [
            graphs.Describe(), $"medians of {Rounds} interleaved rounds (ms)",
            .. Table(times, modularity, ready, peers is null ? $"{Python} not found" : await peers.StandardError.ReadToEndAsync()),
            JsonSerializer.Serialize(new
            {
                articulationPoints = figures["articulationPoints"], dominators = figures["dominators"], pageRank = figures["pageRank"],
                louvain = figures["louvain"], louvainModularity = Math.Round(modularity, 6),
            }),
        ];
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    static async Task<Times> RoundsAsync(Func<object>[] ours, Process? peers)
    {
        var times = new Times();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < Kernels.Length; k++) times.Add("ours", Kernels[k], Time(ours[k]));
            if (peers is null) continue;
            await peers.StandardInput.WriteLineAsync("round");
            await peers.StandardInput.FlushAsync();
            // A script that died mid-run leaves the rounds it answered; its stderr is in the table.
            if (await ReadJsonAsync(peers) is not { } answered)
            {
                peers = null;
                continue;
            }
            foreach (var library in answered.EnumerateObject())
                foreach (var kernel in library.Value.EnumerateObject()) times.Add(library.Name, kernel.Name, kernel.Value.GetDouble());
        }
        peers?.StandardInput.Close();
        return times;
    }

    static IEnumerable<string> Table(Times times, double modularity, JsonElement? ready, string peerErrors)
    {
        string Cell(string library, string kernel, int width) => times.Median(library, kernel) is { } ms ? ms.ToString("0.00").PadLeft(width) : "n/a".PadLeft(width);
        string Row(string title, string kernel, string answers) =>
            $"{title,-20}{Cell("ours", kernel, 10)}{Cell("igraph", kernel, 10)}{Cell("graph-tool", kernel, 12)}  {answers}";
        var checks = ready?.GetProperty("checks");
        string Check(string name) => checks?.GetProperty(name).ToString() ?? "n/a";
        var igraphQ = times.GetValueOrDefault("igraph")?.GetValueOrDefault("louvainModularity");
        yield return $"{"kernel",-20}{"ours",10}{"igraph",10}{"graph-tool",12}  answers";
        yield return Row("articulation points", "articulationPoints", $"nodes that differ from ours: {Check("articulationPointsDiffer")}");
        yield return Row("dominators", "dominators", $"nodes whose immediate dominator differs: {Check("dominatorsDiffer")}");
        yield return Row("PageRank", "pageRank", $"max |x − igraph's|: {Check("pageRankMaxAbsDifferenceFromIgraph")}");
        yield return Row("Louvain", "louvain", $"modularity: ours {modularity:0.0000}" + (igraphQ is null ? "" :
            $", igraph median {Median(igraphQ):0.0000} (min {igraphQ.Min():0.0000}, max {igraphQ.Max():0.0000}); of the warm-up partitions by igraph's function: {Check("modularity")}"));
        if (ready is { } r) yield return $"peers: {r.GetProperty("versions")}, graph-tool on {r.GetProperty("graphToolThreads")} OpenMP thread(s)";
        if (peerErrors.Trim() is { Length: > 0 } errors) yield return $"peers' errors: {errors}";
    }

    static Process? StartPeers(string folder)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peers", "kernels.py"));
        start.ArgumentList.Add(folder);
        try
        {
            return Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The script's next JSON line, or null when it has ended (igraph missing, say: its stderr tells).</summary>
    static async Task<JsonElement?> ReadJsonAsync(Process peers) =>
        await peers.StandardOutput.ReadLineAsync() is { } line ? JsonDocument.Parse(line).RootElement.Clone() : null;

    /// <summary>One call's wall time, after a full collection (as BenchmarkDotNet forces between iterations), so no kernel pays for another's garbage.</summary>
    static double Time(Func<object> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalMilliseconds;
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
