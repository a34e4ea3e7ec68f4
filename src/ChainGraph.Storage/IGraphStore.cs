using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Storage;

/// <summary>
/// A graph store: the embedded SQLite store by default, Neo4j to scale out. Every write is
/// atomic: an <see cref="ImportPlan"/> is applied whole or not at all.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates the schema if it is not there; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The labels of those of <paramref name="ids"/> that exist.</summary>
    Task<IReadOnlyDictionary<string, NodeLabel>> GetLabelsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Upserts the plan's nodes and relationships in one transaction; properties merge, later values win.</summary>
    Task WriteAsync(ImportPlan plan, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a node and every relationship touching it; false when it did not exist.</summary>
    Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken = default);

    Task<bool> DeleteRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default);

    Task<GraphNode?> GetNodeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Nodes of one label ordered by id, a page at a time.</summary>
    Task<IReadOnlyList<GraphNode>> GetNodesAsync(NodeLabel label, int skip, int limit, CancellationToken cancellationToken = default);

    Task<NeighbourPage> GetNeighboursAsync(string id, NeighbourQuery query, CancellationToken cancellationToken = default);

    /// <summary>Nodes whose name contains <paramref name="text"/>: exact matches first, then prefixes, then the rest.</summary>
    Task<IReadOnlyList<GraphNode>> SearchAsync(string text, NodeLabel? label, int limit, CancellationToken cancellationToken = default);

    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A value that every committed write, by any process, counts up by one, and that each snapshot
    /// carries (<see cref="GraphSnapshot.ChangeStamp"/>): a running service compares the two to notice
    /// writes made past it, and a stamp one past the one before its own write tells it no other write
    /// came in between. Null when the store keeps none.
    /// </summary>
    Task<long?> GetChangeStampAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the whole graph into the in-memory snapshot the analyses run on.</summary>
    Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a snapshot for the next <see cref="LoadSnapshotAsync"/> where the store can (the embedded
    /// store writes an image beside its file), used only while the store's stamp is the snapshot's.
    /// </summary>
    Task KeepSnapshotAsync(GraphSnapshot snapshot, CancellationToken cancellationToken = default);

    IAsyncEnumerable<GraphNode> ReadNodesAsync(CancellationToken cancellationToken = default);

    IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(CancellationToken cancellationToken = default);
}
