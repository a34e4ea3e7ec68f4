namespace ChainGraph.Application.Presentation;

/// <summary>A ranked table for people and spreadsheets: a header and rows of text.</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
