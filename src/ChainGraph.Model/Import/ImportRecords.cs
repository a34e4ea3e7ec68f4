namespace ChainGraph.Model.Import;

/// <summary>Where a record came from: the file and its 1-based line.</summary>
public readonly record struct SourceLocation(string File, long Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A row that was not imported, and why (the reason names the field and value).</summary>
public sealed record ImportRejection(string File, long Line, string Reason);

/// <summary>A node that appeared more than once in one import; later rows win, field by field.</summary>
public sealed record ImportMerge(string Id, string File, long Line, long FirstLine, IReadOnlyList<string> Changes);

/// <summary>
/// One end of a relationship row: its id and, when the row carries them, the label and
/// properties to create the node from should it exist nowhere else.
/// </summary>
public sealed record EndpointRef(string Id, NodeLabel? Label = null, IReadOnlyDictionary<string, object>? Properties = null);
