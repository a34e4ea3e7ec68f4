using ChainGraph.Model.Requests;

namespace ChainGraph.Server.Views;

/// <summary>
/// What a client asks to see. Kind "chain": a chain (template or industry), optionally for a
/// region, with segments coloured by gap status. Kind "focus": a node and its neighbourhood to a
/// depth. Kind "chokepoints": the top chokepoints and the links between them. Kind "path": the
/// k shortest supply paths from Focus to To. Kind "linkage": the crossing links and brokers
/// between two groups (Focus and To: regions or clusters). Kind "centrality": the top nodes by
/// PageRank. Kind "compare": a chain in several regions. Kind "rank": the regions of a level by a
/// chain's completeness. Kind "profile": an enterprise (Focus) and its partners. Kind
/// "alternatives": a product (Focus, or the top chokepoints) and its other makers. A room shares the view.
/// </summary>
/// <param name="Regions">For "compare": the regions, comma-separated.</param>
/// <param name="Level">For "rank": province, city or county.</param>
/// <param name="Tag">Only enterprises with one of these tags (comma-separated) hold a segment or are listed.</param>
public sealed record ViewRequest(string Kind, string? Chain = null, string? Region = null, string? Focus = null, int Depth = 1,
    int Top = 40, string? Room = null, string? To = null, int K = 3, string? Regions = null, string? Level = null, int WeakBelow = 2,
    int StrongAt = 5, int Candidates = 10, string? Tag = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["chain", "focus", "chokepoints", "path", "linkage", "centrality", "compare", "rank", "profile", "alternatives"];

    /// <summary>The longest id, name or list a request may carry: longer than any the graph holds, short enough to cost nothing.</summary>
    public const int MaxText = 1000;

    /// <summary>The longest room name (and member name).</summary>
    public const int MaxRoom = 100;

    public void Validate() => new ParameterCheck()
        .Required("kind", Kind)
        .That(Kind is null || Kinds.Contains(Kind), "kind", Kind, $"unknown view kind; expected one of {string.Join(", ", Kinds)}. Got: {Kind}")
        .Range("depth", Depth, 1, 3)
        .Range("top", Top, 1, 200)
        .Range("k", K, 1, 10)
        .That(Room is null || !string.IsNullOrWhiteSpace(Room), "room", Room, "must name the room, or be left out.")
        .Bounded("room", Room, MaxRoom)
        .Bounded("chain", Chain).Bounded("region", Region).Bounded("focus", Focus).Bounded("to", To)
        .Bounded("regions", Regions).Bounded("level", Level).Bounded("tag", Tag)
        .ThrowIfInvalid();
}
