using ChainGraph.Model;

namespace ChainGraph.Storage.Import;

/// <summary>The enterprises a store holds, with every property: what a tag list is matched against.</summary>
public static class StoredEnterprises
{
    const int Page = 10_000;

    /// <summary>Page by page through the label's index, so the products (most of a store) are never read.</summary>
    public static async Task<IReadOnlyList<GraphNode>> ReadAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var enterprises = new List<GraphNode>();
        while (true)
        {
            var page = await store.GetNodesAsync(NodeLabel.Enterprise, enterprises.Count, Page, cancellationToken);
            enterprises.AddRange(page);
            if (page.Count < Page) return enterprises;
        }
    }
}
