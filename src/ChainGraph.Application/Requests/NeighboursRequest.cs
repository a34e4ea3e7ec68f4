using ChainGraph.Model;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>A node's neighbours, a page at a time (<c>node</c>, <c>GET /api/nodes/{id}</c>).</summary>
public sealed record NeighboursRequest(string Id, string? Type, int Limit = 50, int Skip = 0)
{
    public const int MaxLimit = 1000;

    /// <summary>The relationship type to keep, once <see cref="Validate"/> has passed.</summary>
    public RelType? OnlyType => GraphSchema.ParseRelType(Type, "type");

    public void Validate()
    {
        new ParameterCheck()
            .Required("id", Id)
            .Range("limit", Limit, 1, MaxLimit)
            .Range("skip", Skip, 0, int.MaxValue)
            .ThrowIfInvalid();
        _ = OnlyType;
    }
}
