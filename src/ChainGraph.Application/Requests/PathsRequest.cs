using ChainGraph.Analysis.Paths;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>
/// Shortest paths from <see cref="From"/> to <see cref="To"/> (the <see cref="K"/> shortest), or
/// with <see cref="Within"/> every node that many steps away (<c>analyze paths</c>, <c>GET /api/analyses/paths</c>).
/// </summary>
public sealed record PathsRequest(string From, string? To, int K = 1, int? Within = null, string? Label = null, string? Types = null,
    Walk Walk = Walk.Either, int Limit = 500)
{
    public const int MaxK = 20;
    public const int MaxWithin = 6;
    public const int MaxLimit = 5000;

    public void Validate() => new ParameterCheck()
        .Required("from", From)
        .That(Within is not null || !string.IsNullOrWhiteSpace(To), "to", To, "give the end node, or a number of steps (within).")
        .Range("k", K, 1, MaxK)
        .Range("within", Within, 1, MaxWithin)
        .Range("limit", Limit, 1, MaxLimit)
        .ThrowIfInvalid();
}
