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

    /// <summary>
    /// The members' in-links over <see cref="Types"/> as one CSR in member indices: the sources of
    /// i's links are Sources[Offsets[i]..Offsets[i + 1]]. The directed supply network, seen from the receiving end.
    /// </summary>
    public (int[] Offsets, int[] Sources) InLinks(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var incoming = Array.ConvertAll(Types, snapshot.In);
        var offsets = new int[Count + 1];
        var sources = GC.AllocateUninitializedArray<int>(incoming.Sum(links => links.EdgeCount));
        var fill = 0;
        for (var i = 0; i < Count; i++)
        {
            offsets[i] = fill;
            foreach (var links in incoming)
                for (var e = links.Offsets[Nodes[i]]; e < links.Offsets[Nodes[i] + 1]; e++)
                    if (Dense[links.Targets[e]] is var s and >= 0) sources[fill++] = s;
        }
        offsets[Count] = fill;
        Array.Resize(ref sources, fill);
        return (offsets, sources);
    }
}
