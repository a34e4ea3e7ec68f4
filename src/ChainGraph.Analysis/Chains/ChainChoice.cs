namespace ChainGraph.Analysis.Chains;

/// <summary>
/// A chain a user can open (<see cref="ChainSegments.Choices"/>): a template (<paramref name="Kind"/> "chain") or an
/// industry no template covers, whose chain is derived from the classification (<paramref name="Kind"/> "industry").
/// </summary>
/// <param name="Segments">How many segments the chain has.</param>
/// <param name="Enterprises">Member enterprises of an industry (and of the industries below it); null for a template.</param>
/// <param name="Sector">The strategic emerging industry (one of the nine), when the template or the industry belongs to one.</param>
/// <param name="Division">The SW level-1 industry an industry falls under (itself at level 1); null for a template.</param>
/// <param name="Level">The industry's SW level (1, 2 or 3); null for a template.</param>
public sealed record ChainChoice(string Id, string Name, string Kind, int Segments, int? Enterprises = null, string? Sector = null,
    string? Division = null, int? Level = null);
