using ChainGraph.Model;

namespace ChainGraph.Storage;

/// <summary>
/// Labels and relationship types as a store holds them. A name outside the graph contract means the
/// store was edited outside ChainGraph: an error (<see cref="GraphStoreException.UnknownType"/>), never a guess.
/// </summary>
public static class StoredSchema
{
    /// <exception cref="GraphStoreException">The label is not one of the contract's.</exception>
    public static NodeLabel Label(string name) =>
        GraphSchema.TryParseLabel(name, out var label) ? label : throw Unknown($"A node has label '{name}'");

    /// <exception cref="GraphStoreException">The type is not one of the contract's.</exception>
    public static RelType RelType(string name) =>
        GraphSchema.TryParseRelType(name, out var type) ? type : throw Unknown($"A relationship has type '{name}'");

    static GraphStoreException Unknown(string what) =>
        new($"{what}, which the graph contract does not know: the store was edited outside ChainGraph.", GraphStoreException.UnknownType, isTransient: false);
}
