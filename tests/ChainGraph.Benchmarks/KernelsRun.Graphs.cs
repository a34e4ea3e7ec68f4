using System.Globalization;
using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

internal static partial class KernelsRun
{
    /// <summary>
    /// The graphs the analyses build, and how the peers' script reads them: edge lists (node count
    /// first) in the indices our answers use, beside our answers (ours-*.txt, one value per line).
    /// </summary>
    sealed class Graphs(GraphSnapshot snapshot)
    {
        public GraphSnapshot Snapshot => snapshot;

        /// <summary>What the chokepoints' articulation points run on.</summary>
        public UndirectedNetwork Structure { get; } = UndirectedNetwork.SupplyNetwork(snapshot);

        /// <summary>What centrality's PageRank runs on (directed) and communities' Louvain (undirected).</summary>
        public SupplyMembers Members { get; } = SupplyMembers.Of(snapshot);

        public UndirectedNetwork Communities { get; } = UndirectedNetwork.Build(snapshot, SupplyMembers.Types);

        public string Describe()
        {
            var entries = Enumerable.Range(0, snapshot.NodeCount).Count(v => DominatorAnalysis.IsEntry(snapshot, v));
            return $"{snapshot.NodeCount:N0} snapshot nodes. Articulation points: SUPPLIES + INPUT_TO undirected, {Structure.Targets.Length / 2:N0} edges; " +
                $"dominators: INPUT_TO, {snapshot.Out(RelType.InputTo).EdgeCount:N0} edges, and a virtual source feeding {entries:N0} products; " +
                $"PageRank: MAKES + SUPPLIES + INPUT_TO directed, {Members.Count:N0} nodes, {Links().Count():N0} links; " +
                $"Louvain: the same undirected, {Communities.Targets.Length / 2:N0} edges";
        }

        /// <summary>Our answers in order: articulation points, dominator tree, PageRank, Louvain communities.</summary>
        public void Write(TempDirectory folder, object[] answers)
        {
            WriteUndirected(folder, "structure.txt", Structure);
            WriteUndirected(folder, "communities.txt", Communities);
            WriteEdges(folder, "supply.txt", Members.Count, Links());
            // The dominator graph: INPUT_TO, and the virtual source (the last node) feeding every entry product.
            var n = snapshot.NodeCount;
            var inputTo = snapshot.Out(RelType.InputTo);
            WriteEdges(folder, "dominators.txt", n + 1, Enumerable.Range(0, n)
                .SelectMany(v => inputTo.Neighbours(v).ToArray().Select(t => (v, t)))
                .Concat(Enumerable.Range(0, n).Where(v => DominatorAnalysis.IsEntry(snapshot, v)).Select(v => (n, v))));

            WriteValues(folder, "ours-articulation.txt", ((StructuralWeakPoints)answers[0]).Points);
            var idom = ((DominatorTree)answers[1]).ImmediateDominator;
            WriteValues(folder, "ours-dominators.txt", idom.Select(d => d == DominatorTree.Source ? n : d).Append(-1));
            WriteValues(folder, "ours-pagerank.txt", ((double[])answers[2]).Select(r => r.ToString("R", CultureInfo.InvariantCulture)));
            WriteValues(folder, "ours-membership.txt", (int[])answers[3]);
        }

        /// <summary>PageRank's links in member indices: the supply types' links between members.</summary>
        IEnumerable<(int From, int To)> Links() =>
            Enumerable.Range(0, Members.Count).SelectMany(i => SupplyMembers.Types
                .SelectMany(type => snapshot.Out(type).Neighbours(Members.Nodes[i]).ToArray())
                .Where(w => Members.Dense[w] >= 0).Select(w => (i, Members.Dense[w])));

        static void WriteUndirected(TempDirectory folder, string name, UndirectedNetwork network) =>
            WriteEdges(folder, name, network.NodeCount, Enumerable.Range(0, network.NodeCount)
                .SelectMany(v => network.Neighbours(v).ToArray().Where(w => v < w).Select(w => (v, w))));

        static void WriteEdges(TempDirectory folder, string name, int nodes, IEnumerable<(int From, int To)> edges) =>
            File.WriteAllLines(folder.File(name), edges.Select(e => $"{e.From} {e.To}").Prepend(nodes.ToString(CultureInfo.InvariantCulture)));

        static void WriteValues<T>(TempDirectory folder, string name, IEnumerable<T> values) =>
            File.WriteAllLines(folder.File(name), values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!));
    }
}
