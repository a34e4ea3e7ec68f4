using ChainGraph.Model;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Requests;

/// <summary>Nodes by name (<c>search</c>, <c>GET /api/search</c>).</summary>
public sealed record SearchRequest(string Text, string? Label, int Limit = 20)
{
    public const int MaxText = 200;
    public const int MaxLimit = 200;

    /// <summary>The label to keep, once <see cref="Validate"/> has passed.</summary>
    public NodeLabel? OnlyLabel => GraphSchema.ParseLabel(Label, "label");

    public void Validate()
    {
        new ParameterCheck()
            .Required("q", Text)
            .That((Text?.Length ?? 0) <= MaxText, "q", Text, $"is longer than {MaxText} characters.")
            .Range("limit", Limit, 1, MaxLimit)
            .ThrowIfInvalid();
        _ = OnlyLabel;
    }
}
