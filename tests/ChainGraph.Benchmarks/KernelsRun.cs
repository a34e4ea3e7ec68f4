using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Communities;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>
/// Our graph kernels beside igraph's and graph-tool's (peers/kernels.py under /usr/bin/python3) on the
/// graphs the analyses run on, built from ChainKnowledgeGraph. Interleaved, so both sides see the same
/// load: each round times each of ours once, then each of the peers' once; medians over the rounds.
/// The peers' answers are checked against ours first, so the times are for the same results.
/// </summary>
internal static class KernelsRun
{
    const int Rounds = 15;
    const string Python = "/usr/bin/python3";
    static readonly string[] Kernels = ["articulationPoints", "dominators", "pageRank", "louvain"];

    public static async Task<string> ChainKgAsync()
    {
        var snapshot = ChainKgSnapshot.Instance;
        var structure = UndirectedNetwork.SupplyNetwork(snapshot);
        var communities = UndirectedNetwork.Build(snapshot, SupplyMembers.Types);
        var members = SupplyMembers.Of(snapshot);
        Func<object>[] ours =
        [
            () => ArticulationPoints.Find(structure), () => DominatorAnalysis.Compute(snapshot),
            () => PageRank.Compute(snapshot, members), () => Louvain.Communities(communities),
        ];
        var answers = ours.Select(run => run()).ToArray();
        var membership = (int[])answers[3];
        var modularity = Louvain.Modularity(communities, membership);

        using var folder = new TempDirectory();
        WriteGraphs(folder, snapshot, structure, communities, members);
        WriteValues(folder, "ours-articulation.txt", ((StructuralWeakPoints)answers[0]).Points);
        WriteValues(folder, "ours-dominators.txt", Dominators((DominatorTree)answers[1]));
        WriteValues(folder, "ours-pagerank.txt", ((double[])answers[2]).Select(r => r.ToString("R", CultureInfo.InvariantCulture)));
        WriteValues(folder, "ours-membership.txt", membership);

        var times = Kernels.ToDictionary(k => k, _ => new List<double>());
        var peerTimes = new Dictionary<string, Dictionary<string, List<double>>>();
        using var peers = StartPeers(folder.Path);
        var ready = peers is null ? null : await ReadJsonAsync(peers);
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < Kernels.Length; k++) times[Kernels[k]].Add(Time(ours[k]));
            if (ready is null) continue;
            await peers!.StandardInput.WriteLineAsync("round");
            await peers.StandardInput.FlushAsync();
            foreach (var library in (await ReadJsonAsync(peers))!.Value.EnumerateObject())
                foreach (var kernel in library.Value.EnumerateObject())
                {
                    var byKernel = peerTimes.TryGetValue(library.Name, out var found) ? found : peerTimes[library.Name] = [];
                    (byKernel.TryGetValue(kernel.Name, out var list) ? list : byKernel[kernel.Name] = []).Add(kernel.Value.GetDouble());
                }
        }
        if (peers is not null) peers.StandardInput.Close();

        var figures = Kernels.ToDictionary(k => k, k => Math.Round(Median(times[k]), 2));
        var lines = new List<string>
        {
            $"{snapshot.NodeCount:N0} snapshot nodes; supply network {members.Count:N0} nodes; medians of {Rounds} interleaved rounds (ms)",
        };
        lines.AddRange(Table(figures, peerTimes, modularity, ready, peers is null ? "python3 not found" : await peers.StandardError.ReadToEndAsync()));
        lines.Add(JsonSerializer.Serialize(new
        {
            articulationPoints = figures["articulationPoints"],
            dominators = figures["dominators"],
            pageRank = figures["pageRank"],
            louvain = figures["louvain"],
            louvainModularity = Math.Round(modularity, 6),
        }));
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    static IEnumerable<string> Table(Dictionary<string, double> ours, Dictionary<string, Dictionary<string, List<double>>> peers,
        double modularity, JsonElement? ready, string peerErrors)
    {
        string Peer(string library, string kernel) =>
            peers.TryGetValue(library, out var byKernel) && byKernel.TryGetValue(kernel, out var t) ? $"{Median(t),10:0.00}" : $"{"n/a",10}";
        var checks = ready?.GetProperty("checks");
        string Check(string name) => checks?.GetProperty(name).ToString() ?? "";
        yield return $"{"kernel",-20}{"ours",10}{"igraph",10}{"graph-tool",11}  answers";
        yield return $"{"articulation points",-20}{ours["articulationPoints"],10:0.00}{Peer("igraph", "articulationPoints")} {Peer("graph-tool", "articulationPoints")}  nodes that differ from ours: {Check("articulationPointsDiffer")}";
        yield return $"{"dominators",-20}{ours["dominators"],10:0.00}{Peer("igraph", "dominators")} {Peer("graph-tool", "dominators")}  nodes whose immediate dominator differs: {Check("dominatorsDiffer")}";
        yield return $"{"PageRank",-20}{ours["pageRank"],10:0.00}{Peer("igraph", "pageRank")} {Peer("graph-tool", "pageRank")}  max |x − igraph's|: {Check("pageRankMaxAbsDifferenceFromIgraph")}";
        var igraphQ = peers.TryGetValue("igraph", out var ig) ? ig["louvainModularity"] : null;
        yield return $"{"Louvain",-20}{ours["louvain"],10:0.00}{Peer("igraph", "louvain")} {Peer("graph-tool", "louvain")}  modularity: ours {modularity:0.0000}" +
            (igraphQ is null ? "" : $", igraph median {Median(igraphQ):0.0000} (min {igraphQ.Min():0.0000}, max {igraphQ.Max():0.0000}); by igraph's function: {Check("modularity")}");
        if (ready is { } r) yield return $"peers: {r.GetProperty("versions")}, graph-tool OpenMP threads {r.GetProperty("graphToolThreads")}";
        else yield return $"peers not available: {peerErrors.Trim()}";
    }

    /// <summary>The four graphs as edge lists (node count first), in the indices our answers use.</summary>
    static void WriteGraphs(TempDirectory folder, GraphSnapshot snapshot, UndirectedNetwork structure, UndirectedNetwork communities, SupplyMembers members)
    {
        WriteUndirected(folder, "structure.txt", structure);
        WriteUndirected(folder, "communities.txt", communities);
        var (offsets, sources) = members.InLinks(snapshot);
        WriteEdges(folder, "supply.txt", members.Count, Enumerable.Range(0, members.Count)
            .SelectMany(i => sources[offsets[i]..offsets[i + 1]].Select(s => (s, i))));
        // The dominator graph: INPUT_TO, and the virtual source (the last node) feeding every entry product.
        var n = snapshot.NodeCount;
        var inputTo = snapshot.Out(RelType.InputTo);
        WriteEdges(folder, "dominators.txt", n + 1, Enumerable.Range(0, n)
            .SelectMany(v => inputTo.Neighbours(v).ToArray().Select(t => (v, t)))
            .Concat(Enumerable.Range(0, n).Where(v => DominatorAnalysis.IsEntry(snapshot, v)).Select(v => (n, v))));
    }

    static void WriteUndirected(TempDirectory folder, string name, UndirectedNetwork network) =>
        WriteEdges(folder, name, network.NodeCount, Enumerable.Range(0, network.NodeCount)
            .SelectMany(v => network.Neighbours(v).ToArray().Where(w => v < w).Select(w => (v, w))));

    static void WriteEdges(TempDirectory folder, string name, int nodes, IEnumerable<(int From, int To)> edges) =>
        File.WriteAllLines(folder.File(name), edges.Select(e => $"{e.From} {e.To}").Prepend(nodes.ToString(CultureInfo.InvariantCulture)));

    static void WriteValues<T>(TempDirectory folder, string name, IEnumerable<T> values) =>
        File.WriteAllLines(folder.File(name), values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!));

    /// <summary>Our immediate dominators in the dominator graph's indices: the source is the last node, and has none.</summary>
    static IEnumerable<int> Dominators(DominatorTree tree) =>
        tree.ImmediateDominator.Select(d => d == DominatorTree.Source ? tree.ImmediateDominator.Length : d).Append(-1);

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

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
