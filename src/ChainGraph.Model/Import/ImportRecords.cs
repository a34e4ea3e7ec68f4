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

/// <summary>
/// A row that names the id of a node an earlier row defined, but another entity (a company filed
/// under another's stock code): the earlier row is kept and nothing of this one is imported.
/// </summary>
public sealed record ImportConflict(string File, long Line, string Id, string KeptName, string ConflictingName);

/// <summary>Properties an import takes off a stored node: the parts of a place that a row replaces and does not give.</summary>
public sealed record PropertyRemoval(string Id, NodeLabel Label, IReadOnlyList<string> Keys);

/// <summary>A node's outgoing relationships of one type that an import replaces: the stored ones it does not write go.</summary>
public readonly record struct RelationshipReplacement(string StartId, RelType Type);
