namespace ChainGraph.Storage;

/// <summary>A store failure, with the store's own code and whether trying again may succeed.</summary>
public sealed class GraphStoreException(string message, string code, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The <see cref="Code"/> of a write that failed because the disk holding the store is full.</summary>
    public const string StorageFull = "STORAGE_FULL";

    /// <summary>The <see cref="Code"/> of a read that met a label or relationship type the graph contract does not know (the store was edited outside ChainGraph).</summary>
    public const string UnknownType = "UNKNOWN_TYPE";

    public string Code { get; } = code;

    public bool IsTransient { get; } = isTransient;
}
