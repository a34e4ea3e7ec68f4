using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>Which part of the graph to export or show: all of it, a chain, or the neighbourhood of a focus node.</summary>
public sealed record SelectionRequest(string? Chain, string? Focus, int Depth = 1)
{
    public const int MaxDepth = 4;

    public void Validate() => new ParameterCheck()
        .That(Chain is null || Focus is null, "focus", Focus, "give a chain or a focus node, not both.")
        .Range("depth", Depth, 0, MaxDepth)
        .ThrowIfInvalid();
}
