using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Scope;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Communities;

/// <summary>
/// De facto communities of the supply network (Louvain) compared with the official map: for each
/// community, which provinces and which clusters its enterprises belong to, so a researcher sees
/// whether the enterprises form the clusters that policy drew. The network is the chokepoints'
/// scope, by default the strategic emerging industries, and never report lines: a data set's
/// recipes and balancing items would otherwise be its largest communities.
/// </summary>
public static class CommunityAnalysis
{
    public static CommunityReport Run(GraphSnapshot snapshot, int top = 20, int seed = 42, double resolution = 1.0,
        CancellationToken cancellationToken = default, ChokepointScope scope = ChokepointScope.Strategic)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var facts = SnapshotFacts.Of(snapshot);
        var inScope = new bool[snapshot.NodeCount];
        for (var v = 0; v < inScope.Length; v++)
            inScope[v] = snapshot.Labels[v] is NodeLabel.Enterprise or NodeLabel.Product && !facts.NonProduct[v]
                && (scope == ChokepointScope.All || facts.Strategic[v]);
        var network = UndirectedNetwork.Build(snapshot, inScope, SupplyMembers.Types);
        var community = Louvain.Communities(network, resolution, seed, cancellationToken: cancellationToken);
        var modularity = Louvain.Modularity(network, community, resolution);
        var members = Enumerable.Range(0, snapshot.NodeCount).Where(v => inScope[v]).ToList();
        var groups = members.GroupBy(v => community[v]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var summaries = groups.Take(top).Select((g, rank) => Summarise(snapshot, network, rank, [.. g])).ToList();
        var rankOf = groups.Select((g, rank) => (g.Key, rank)).ToDictionary(p => p.Key, p => p.rank);
        return new CommunityReport(groups.Count, Math.Round(modularity, 6), summaries, members.ToDictionary(v => snapshot.Ids[v], v => rankOf[community[v]]))
        {
            Coverage = facts.Coverage,
            Scope = scope == ChokepointScope.All ? "all" : "strategic",
        };
    }

    static CommunitySummary Summarise(GraphSnapshot snapshot, UndirectedNetwork network, int rank, List<int> nodes)
    {
        var enterprises = nodes.Where(v => snapshot.Labels[v] == NodeLabel.Enterprise).ToList();
        var clusters = enterprises.SelectMany(e => snapshot.Out(RelType.MemberOf).Neighbours(e).ToArray()).Select(c => snapshot.Names[c]);
        return new CommunitySummary(rank, nodes.Count, enterprises.Count, nodes.Count - enterprises.Count,
            nodes.OrderByDescending(v => network.Neighbours(v).Length).ThenBy(v => snapshot.Ids[v], StringComparer.Ordinal).Take(5).Select(v => snapshot.Names[v]).ToList(),
            Shares(enterprises.Select(e => snapshot.Provinces[e] ?? "unknown"), enterprises.Count),
            Shares(clusters, enterprises.Count));
    }

    static List<Share> Shares(IEnumerable<string> values, int of) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
            .Select(g => new Share(g.Key, g.Count(), of == 0 ? 0 : Math.Round((double)g.Count() / of, 4))).ToList();
}

/// <summary>How many communities, their modularity, the largest ones described, and every member's community (0 = largest; not serialised).</summary>
public sealed record CommunityReport(int Count, double Modularity, IReadOnlyList<CommunitySummary> Largest,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyDictionary<string, int> Membership)
{
    /// <summary>What the network holds: <c>strategic</c> (the strategic emerging industries) or <c>all</c>.</summary>
    public string Scope { get; init; } = "strategic";

    public DataCoverage? Coverage { get; init; }
}

/// <summary>A community: its size, best-connected members, and how its enterprises spread over provinces and clusters.</summary>
public sealed record CommunitySummary(int Id, int Size, int Enterprises, int Products, IReadOnlyList<string> TopMembers,
    IReadOnlyList<Share> Provinces, IReadOnlyList<Share> Clusters);

/// <summary>A name, how many of the community's enterprises it holds, and that as a fraction.</summary>
public sealed record Share(string Name, int Count, double Fraction);
