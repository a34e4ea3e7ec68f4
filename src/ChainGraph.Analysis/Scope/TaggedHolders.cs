using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Scope;

/// <summary>
/// What a ranking limited to tags (链主, 专精特新 …) keeps: an enterprise that has one of them, and a product
/// one of whose known makers has one (the inputs such enterprises hold). No tags keep everything.
/// </summary>
public static class TaggedHolders
{
    public static bool Holds(GraphSnapshot snapshot, int node, TagSet tags)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Tags.Count == 0) return true;
        return snapshot.Labels[node] switch
        {
            NodeLabel.Enterprise => tags.Matches(snapshot.Tags[node]),
            NodeLabel.Product => AnyMakerTagged(snapshot, node, tags),
            _ => false,
        };
    }

    static bool AnyMakerTagged(GraphSnapshot snapshot, int product, TagSet tags)
    {
        foreach (var maker in snapshot.In(RelType.Makes).Neighbours(product))
            if (tags.Matches(snapshot.Tags[maker])) return true;
        return false;
    }
}
