using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Countries;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Supply by country for a product, a chain, or every chain template (<c>analyze countries</c>, <c>GET /api/analyses/countries</c>).</summary>
/// <param name="Top">How many products to list, most foreign-dependent first.</param>
public sealed record CountriesRequest(string? Product = null, string? Chain = null, int Top = 50) : IQuery<CountryReport>
{
    public const int MaxTop = 1000;

    public void Validate() => new ParameterCheck()
        .That(Product is null || Chain is null, "chain", Chain, "give a product or a chain, not both.")
        .Range("top", Top, 1, MaxTop)
        .ThrowIfInvalid();

    public CountryReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Product)) return CountryDependenceAnalysis.ForProduct(snapshot, snapshot.IndexOf(Product.Trim(), "product"));
        if (Chain is { } chain)
        {
            var resolved = ChainSegments.Resolve(snapshot, chain);
            return CountryDependenceAnalysis.ForChains(snapshot, [resolved], resolved.Id, Top);
        }
        return CountryDependenceAnalysis.ForChains(snapshot, ChainSegments.Templates(snapshot), "chains", Top);
    }
}
