using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Regions;

/// <summary>The region tree the LOCATED_IN links form: county → city → province → country.</summary>
internal static class RegionTree
{
    /// <summary>Deeper than any real tree, so a cycle in bad data cannot loop.</summary>
    const int MaxDepth = 6;

    /// <summary>The regions a node lies in, nearest first: the one it is LOCATED_IN, the one that lies in, and so on.</summary>
    public static IEnumerable<int> Above(GraphSnapshot snapshot, int node)
    {
        var located = snapshot.Out(RelType.LocatedIn);
        for (var (at, depth) = (node, 0); depth < MaxDepth && located.Degree(at) > 0; depth++)
        {
            at = located.Neighbours(at)[0];
            yield return at;
        }
    }
}
