using ChainGraph.Model;

namespace ChainGraph.Storage.Import;

/// <summary>The enterprises a store holds, with every property: what a tag list is matched against.</summary>
public static class StoredEnterprises
{
    public static async Task<IReadOnlyList<GraphNode>> ReadAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.ReadNodesAsync(cancellationToken).Where(n => n.Label == NodeLabel.Enterprise).ToListAsync(cancellationToken);
    }
}
