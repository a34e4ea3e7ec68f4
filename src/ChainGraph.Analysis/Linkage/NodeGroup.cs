using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Linkage;

/// <summary>A set of enterprises a user names: a cluster (id or name: its MEMBER_OF enterprises) or a region.</summary>
public sealed record NodeGroup(string Name, HashSet<int> Enterprises)
{
    public static NodeGroup Resolve(GraphSnapshot snapshot, string name, string field)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var cluster = snapshot.TryGetIndex(name, out var v) && snapshot.Labels[v] == NodeLabel.Cluster ? v
            : Enumerable.Range(0, snapshot.NodeCount).FirstOrDefault(i => snapshot.Labels[i] == NodeLabel.Cluster && snapshot.Names[i] == name, -1);
        if (cluster >= 0) return new NodeGroup(snapshot.Names[cluster], [.. snapshot.In(RelType.MemberOf).Neighbours(cluster).ToArray()]);
        var region = RegionFilter.Parse(name, field);
        return new NodeGroup(region.Name, Enumerable.Range(0, snapshot.NodeCount)
            .Where(i => snapshot.Labels[i] == NodeLabel.Enterprise && region.Contains(snapshot, i)).ToHashSet());
    }
}
