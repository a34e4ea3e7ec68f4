using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Centrality;

/// <summary>
/// The supply network's nodes (enterprises and products) as dense indices 0..Count-1, so that
/// centrality vectors hold only them; relationships: MAKES, SUPPLIES and INPUT_TO.
/// </summary>
public sealed class SupplyMembers
{
    public static readonly RelType[] Types = [RelType.Makes, RelType.Supplies, RelType.InputTo];

    SupplyMembers(int[] nodes, int[] dense)
    {
        Nodes = nodes;
        Dense = dense;
    }

    /// <summary>Snapshot index of each member.</summary>
    public int[] Nodes { get; }

    /// <summary>Member index of each snapshot node, or -1.</summary>
    public int[] Dense { get; }

    public int Count => Nodes.Length;

    public static SupplyMembers Of(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var dense = new int[snapshot.NodeCount];
        var nodes = new List<int>();
        for (var v = 0; v < snapshot.NodeCount; v++)
        {
            dense[v] = snapshot.Labels[v] is NodeLabel.Enterprise or NodeLabel.Product ? nodes.Count : -1;
            if (dense[v] >= 0) nodes.Add(v);
        }
        return new SupplyMembers([.. nodes], dense);
    }
}
