namespace ChainGraph.Storage;

/// <summary>How far a write has come: rows written of the total.</summary>
public readonly record struct WriteProgress(long Written, long Total);
