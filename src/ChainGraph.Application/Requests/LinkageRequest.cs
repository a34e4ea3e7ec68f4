using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>How two groups are linked (<c>analyze linkage</c>, <c>GET /api/analyses/linkage</c>).</summary>
public sealed record LinkageRequest(string A, string B, int Top = 20)
{
    public const int MaxTop = 200;

    public void Validate() => new ParameterCheck().Required("a", A).Required("b", B).Range("top", Top, 1, MaxTop).ThrowIfInvalid();
}
