using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Linkage;

/// <summary>A set of enterprises a user names: a region of any kind (<see cref="RegionFilter.Resolve"/>), a cluster being its MEMBER_OF enterprises.</summary>
public sealed record NodeGroup(string Name, HashSet<int> Enterprises)
{
    public static NodeGroup Resolve(GraphSnapshot snapshot, string name, string field)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var region = RegionFilter.Resolve(snapshot, name, field);
        return new NodeGroup(region.Name, Enumerable.Range(0, snapshot.NodeCount)
            .Where(i => snapshot.Labels[i] == NodeLabel.Enterprise && region.Contains(snapshot, i)).ToHashSet());
    }
}
