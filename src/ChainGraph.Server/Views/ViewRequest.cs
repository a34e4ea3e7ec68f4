using ChainGraph.Model.Requests;

namespace ChainGraph.Server.Views;

/// <summary>
/// What a client asks to see. Kind "chain": a chain (template or industry), optionally for a
/// region, with segments coloured by gap status. Kind "focus": a node and its neighbourhood to a
/// depth. Kind "chokepoints": the top chokepoints and the links between them. Kind "path": the
/// k shortest supply paths from Focus to To. Kind "linkage": the crossing links and brokers
/// between two groups (Focus and To: regions or clusters). Kind "centrality": the top nodes by
/// PageRank. A room shares the view.
/// </summary>
public sealed record ViewRequest(string Kind, string? Chain = null, string? Region = null, string? Focus = null, int Depth = 1,
    int Top = 40, string? Room = null, string? To = null, int K = 3)
{
    public void Validate() => new ParameterCheck()
        .Required("kind", Kind)
        .Range("depth", Depth, 1, 3)
        .Range("top", Top, 1, 200)
        .Range("k", K, 1, 10)
        .ThrowIfInvalid();
}
