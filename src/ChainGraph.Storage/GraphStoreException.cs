namespace ChainGraph.Storage;

/// <summary>A store failure, with the store's own code and whether trying again may succeed.</summary>
public sealed class GraphStoreException(string message, string code, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public bool IsTransient { get; } = isTransient;
}
