using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// The whole graph in memory for the analyses: nodes are dense indices 0..NodeCount-1 with
/// columns of attributes, and each relationship type has CSR adjacency in both directions.
/// Immutable once built, so any number of analyses may read it at once; a write makes the next
/// version with <see cref="SnapshotEditor"/>, which shares every chunk the write leaves alone.
/// </summary>
public sealed class GraphSnapshot
{
    internal GraphSnapshot(NodeColumns columns, NodeIndex index, CsrAdjacency[] outgoing, CsrAdjacency[] incoming)
    {
        Columns = columns;
        Index = index;
        Outgoing = outgoing;
        Incoming = incoming;
    }

    internal NodeColumns Columns { get; }

    /// <summary>Node index by id.</summary>
    internal NodeIndex Index { get; }

    /// <summary>Adjacency by relationship type, each direction.</summary>
    internal CsrAdjacency[] Outgoing { get; }

    internal CsrAdjacency[] Incoming { get; }

    /// <summary>The store's change stamp when this snapshot was read (see the store's <c>GetChangeStampAsync</c>); null when the store keeps none.</summary>
    public long? ChangeStamp { get; init; }

    public int NodeCount => Ids.Count;

    public NodeColumn<string> Ids => Columns.Ids;

    public NodeColumn<NodeLabel> Labels => Columns.Labels;

    public NodeColumn<string> Names => Columns.Names;

    /// <summary>Province of an Enterprise, InnovationCentre or Cluster (official full name), else null.</summary>
    public NodeColumn<string?> Provinces => Columns.Provinces;

    public NodeColumn<string?> Cities => Columns.Cities;

    /// <summary>ISO country code of an Enterprise; null means unknown.</summary>
    public NodeColumn<string?> Countries => Columns.Countries;

    /// <summary>Tags of an Enterprise (链主, 专精特新, ...); empty for others.</summary>
    public NodeColumn<string[]> Tags => Columns.Tags;

    /// <summary>Stage of a Segment (upstream, midstream, downstream), else null.</summary>
    public NodeColumn<string?> Stages => Columns.Stages;

    /// <summary>Order of a Segment along its chain (1 = most upstream), else 0.</summary>
    public NodeColumn<int> Orders => Columns.Orders;

    /// <summary>
    /// Match rules (the <c>match</c> property, JSON; see <see cref="Chains.SegmentMatch"/>) of a
    /// Segment, or of a Chain the SW industries its template covers; else null.
    /// </summary>
    public NodeColumn<string?> Matches => Columns.Matches;

    /// <summary>Strategic emerging industry (<see cref="Chains.StrategicSectors"/>) of a Chain, else null.</summary>
    public NodeColumn<string?> Sectors => Columns.Sectors;

    /// <summary>An enterprise's production capacity (<c>capacity</c>, in its own <c>capacityUnit</c>), NaN when unknown.</summary>
    public NodeColumn<double> Capacities => Columns.Capacities;

    public int RelationshipCount => Outgoing.Sum(a => a.EdgeCount);

    public bool TryGetIndex(string id, out int node) => Index.TryGetValue(id, out node);

    /// <summary>The index of the node a request names by id.</summary>
    /// <exception cref="NotFoundException">No node has that id; <paramref name="field"/> names the parameter that gave it.</exception>
    public int IndexOf(string id, string field) =>
        Index.TryGetValue(id, out var node) ? node : throw NotFoundException.Node(field, id);

    public CsrAdjacency Out(RelType type) => Outgoing[(int)type];

    public CsrAdjacency In(RelType type) => Incoming[(int)type];
}
