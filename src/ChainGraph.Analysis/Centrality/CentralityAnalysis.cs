using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Scope;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Centrality;

/// <summary>
/// Ranks the supply network's nodes by PageRank and by (sampled) betweenness. Both are computed over
/// the whole network; the ranking lists the chokepoint ranking's scope, by default the strategic
/// emerging industries, so that a data set's food and medicine lines (a listed caterer's dishes) do
/// not crowd out the industrial chains. With tags, only what tagged enterprises hold is listed (<see cref="TaggedHolders"/>).
/// </summary>
public static class CentralityAnalysis
{
    public static CentralityReport Run(GraphSnapshot snapshot, int top = 20, int samples = 500, int seed = 1, NodeLabel? label = null,
        CancellationToken cancellationToken = default, ChokepointScope scope = ChokepointScope.Strategic, TagSet? tags = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var members = SupplyMembers.Of(snapshot);
        var pageRank = PageRank.Compute(snapshot, members);
        var betweenness = SampledBetweenness.Compute(UndirectedNetwork.Build(snapshot, SupplyMembers.Types), samples, seed, cancellationToken);
        // Report lines that are not products (分部间抵销, 技术服务) are no one's supplier: they are not ranked.
        var facts = SnapshotFacts.Of(snapshot);
        bool Wanted(int v) => (label is null || snapshot.Labels[v] == label) && !facts.NonProduct[v]
            && (scope == ChokepointScope.All || facts.Strategic[v]) && TaggedHolders.Holds(snapshot, v, tags ?? TagSet.None);
        var byRank = Enumerable.Range(0, members.Count).Where(i => Wanted(members.Nodes[i]))
            .OrderByDescending(i => pageRank[i]).ThenBy(i => snapshot.Ids[members.Nodes[i]], StringComparer.Ordinal).Take(top)
            .Select(i => Ranked(snapshot, members.Nodes[i], pageRank[i])).ToList();
        var byBetweenness = members.Nodes.Where(Wanted)
            .OrderByDescending(v => betweenness[v]).ThenBy(v => snapshot.Ids[v], StringComparer.Ordinal).Take(top)
            .Select(v => Ranked(snapshot, v, betweenness[v])).ToList();
        return new CentralityReport(byRank, byBetweenness, samples) { Coverage = facts.Coverage, Scope = scope == ChokepointScope.All ? "all" : "strategic" };
    }

    static RankedNode Ranked(GraphSnapshot snapshot, int v, double score) =>
        new(snapshot.Ids[v], snapshot.Names[v], GraphSchema.Name(snapshot.Labels[v]), score);
}

/// <summary>The top nodes by PageRank and by betweenness (estimated from <see cref="Samples"/> sources).</summary>
public sealed record CentralityReport(IReadOnlyList<RankedNode> PageRank, IReadOnlyList<RankedNode> Betweenness, int Samples)
{
    /// <summary>What the rankings list: <c>strategic</c> (the strategic emerging industries) or <c>all</c>.</summary>
    public string Scope { get; init; } = "strategic";

    public DataCoverage? Coverage { get; init; }
}

public sealed record RankedNode(string Id, string Name, string Label, double Score);
