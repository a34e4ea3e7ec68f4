using System.Collections.Frozen;
using ChainGraph.Model.Requests;

namespace ChainGraph.Model.Snapshot;

/// <summary>
/// The whole graph in memory for the analyses: nodes are dense indices 0..NodeCount-1 with
/// columns of attributes, and each relationship type has CSR adjacency in both directions.
/// Immutable once built, so any number of analyses may read it at once.
/// </summary>
public sealed class GraphSnapshot
{
    readonly FrozenDictionary<string, int> indexById;
    readonly CsrAdjacency[] outgoing;
    readonly CsrAdjacency[] incoming;

    internal GraphSnapshot(NodeColumns nodes, CsrAdjacency[] outgoing, CsrAdjacency[] incoming)
    {
        Ids = nodes.Ids;
        Labels = nodes.Labels;
        Names = nodes.Names;
        Provinces = nodes.Provinces;
        Cities = nodes.Cities;
        Countries = nodes.Countries;
        Tags = nodes.Tags;
        Stages = nodes.Stages;
        Orders = nodes.Orders;
        Matches = nodes.Matches;
        Sectors = nodes.Sectors;
        Capacities = nodes.Capacities;
        indexById = Enumerable.Range(0, Ids.Length).ToFrozenDictionary(i => Ids[i], StringComparer.Ordinal);
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    /// <summary>The store's change stamp when this snapshot was read (see the store's <c>GetChangeStampAsync</c>); null when the store keeps none.</summary>
    public long? ChangeStamp { get; init; }

    public int NodeCount => Ids.Length;

    public string[] Ids { get; }

    public NodeLabel[] Labels { get; }

    public string[] Names { get; }

    /// <summary>Province of an Enterprise, InnovationCentre or Cluster (official full name), else null.</summary>
    public string?[] Provinces { get; }

    public string?[] Cities { get; }

    /// <summary>ISO country code of an Enterprise; null means unknown.</summary>
    public string?[] Countries { get; }

    /// <summary>Tags of an Enterprise (链主, 专精特新, ...); empty for others.</summary>
    public string[][] Tags { get; }

    /// <summary>Stage of a Segment (upstream, midstream, downstream), else null.</summary>
    public string?[] Stages { get; }

    /// <summary>Order of a Segment along its chain (1 = most upstream), else 0.</summary>
    public int[] Orders { get; }

    /// <summary>
    /// Match rules (the <c>match</c> property, JSON; see <see cref="Chains.SegmentMatch"/>) of a
    /// Segment, or of a Chain the SW industries its template covers; else null.
    /// </summary>
    public string?[] Matches { get; }

    /// <summary>Strategic emerging industry (<see cref="Chains.StrategicSectors"/>) of a Chain, else null.</summary>
    public string?[] Sectors { get; }

    /// <summary>An enterprise's production capacity (<c>capacity</c>, in its own <c>capacityUnit</c>), NaN when unknown.</summary>
    public double[] Capacities { get; }

    public int RelationshipCount => outgoing.Sum(a => a.EdgeCount);

    public bool TryGetIndex(string id, out int node) => indexById.TryGetValue(id, out node);

    /// <summary>The index of the node a request names by id.</summary>
    /// <exception cref="NotFoundException">No node has that id; <paramref name="field"/> names the parameter that gave it.</exception>
    public int IndexOf(string id, string field) =>
        indexById.TryGetValue(id, out var node) ? node : throw new NotFoundException(field, id, $"No node with id '{id}'.");

    public CsrAdjacency Out(RelType type) => outgoing[(int)type];

    public CsrAdjacency In(RelType type) => incoming[(int)type];

}

internal sealed record NodeColumns(
    string[] Ids, NodeLabel[] Labels, string[] Names, string?[] Provinces, string?[] Cities, string?[] Countries, string[][] Tags,
    string?[] Stages, int[] Orders, string?[] Matches, string?[] Sectors, double[] Capacities);
