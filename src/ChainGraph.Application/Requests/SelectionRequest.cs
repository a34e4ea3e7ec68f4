using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>
/// Which part of the graph to export or show (<c>export</c>, <c>GET /api/export/cytoscape</c>): all
/// of it, a chain, or the neighbourhood of a focus node.
/// </summary>
public sealed record SelectionRequest(string? Chain, string? Focus, int Depth = 1)
{
    public const int MaxDepth = 4;

    public void Validate() => new ParameterCheck()
        .That(Chain is null || Focus is null, "focus", Focus, "give a chain or a focus node, not both.")
        .Range("depth", Depth, 0, MaxDepth)
        .ThrowIfInvalid();

    /// <summary>
    /// The ids of the nodes selected, or null for the whole graph. A chain is resolved as the analyses
    /// resolve it (a Chain id or an Industry): the chain, its segments, their products and makers.
    /// </summary>
    /// <exception cref="NotFoundException">The chain or the focus node is not in the graph.</exception>
    public IReadOnlySet<string>? Select(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IEnumerable<int> nodes;
        if (Chain is not null)
        {
            var chain = ChainSegments.Resolve(snapshot, Chain);
            nodes = chain.Segments.SelectMany(s => s.Products.Concat(s.Makers).Append(s.Node));
            if (snapshot.TryGetIndex(chain.Id, out var root)) nodes = nodes.Append(root);
        }
        else if (Focus is not null)
        {
            nodes = Neighbourhood.Around(snapshot, snapshot.IndexOf(Focus, "focus"), Depth);
        }
        else
        {
            return null;
        }
        return nodes.Select(v => snapshot.Ids[v]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a relationship lies inside the selection: both its ends are selected.</summary>
    public static bool Holds(IReadOnlySet<string>? selected, GraphRelationship relationship) =>
        selected is null || (selected.Contains(relationship.StartId) && selected.Contains(relationship.EndId));
}
