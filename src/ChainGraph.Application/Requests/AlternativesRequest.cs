using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>
/// Alternatives for one input, or for the top chokepoints of a chain or of the strategic industries
/// (<c>analyze alternatives</c>, <c>GET /api/analyses/alternatives</c>).
/// </summary>
/// <param name="Product">The input's id; when null, the top <paramref name="Top"/> chokepoint products.</param>
/// <param name="Chain">Without a product: rank the chokepoints of this chain only.</param>
/// <param name="Limit">At most this many enterprises per list.</param>
/// <param name="Tags">Only enterprises with one of these tags are listed.</param>
public sealed record AlternativesRequest(string? Product, string? Chain = null, int Top = 3, int Limit = 20, TagSet? Tags = null) : IQuery<AlternativesReport>
{
    public const int MaxTop = 50;

    public const int MaxLimit = 200;

    public void Validate() => new ParameterCheck()
        .That(Product is null || Chain is null, "chain", Chain, "give a product or a chain whose top chokepoints to take, not both.")
        .Range("top", Top, 1, MaxTop)
        .Range("limit", Limit, 1, MaxLimit)
        .ThrowIfInvalid();

    public AlternativesReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        var options = AlternativesOptions.Default with { Top = Top, Limit = Limit, Tags = Tags ?? TagSet.None };
        return string.IsNullOrWhiteSpace(Product)
            ? AlternativesAnalysis.ForChokepoints(snapshot, Chain is null ? null : ChainSegments.Resolve(snapshot, Chain), options)
            : AlternativesAnalysis.Run(snapshot, snapshot.IndexOf(Product.Trim(), "product"), options);
    }
}
