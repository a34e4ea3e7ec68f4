using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Countries;

/// <summary>
/// Supply by country: per product, per chain segment and per chain, and the foreign countries each
/// chain depends on most. <paramref name="Note"/> says what the data can tell.
/// </summary>
/// <param name="Scope">The product or chain asked about, or <c>chains</c> for every chain template.</param>
/// <param name="ProductsTotal">How many products with known makers the scope holds (<paramref name="Products"/> lists the most foreign-dependent of them).</param>
public sealed record CountryReport(
    string Scope, bool ForeignKnown, Phrase Note, IReadOnlyList<ProductCountries> Products, int ProductsTotal, IReadOnlyList<ChainCountries> Chains,
    IReadOnlyList<CountryDependence> Countries)
{
    public DataCoverage? Coverage { get; init; }
}

/// <summary>
/// One product's supply split by its makers' countries. <paramref name="Basis"/>: volume, capacity or
/// makers (counted evenly). <paramref name="UnknownShare"/> is made by makers whose country is not known.
/// </summary>
public sealed record ProductCountries(
    string Id, string Name, int Makers, string Basis, IReadOnlyList<CountryShare> Countries, double ForeignShare, double UnknownShare);

/// <summary>A country's share of some supply (0..1) and how many makers there make it; <paramref name="Name"/> from its Region node when the graph has one.</summary>
public sealed record CountryShare(string Country, string? Name, double Share, int Makers);

/// <summary>
/// A segment's supply by country: the mean over its products with known makers of their country
/// shares (products in different units weigh the same), and its largest foreign supplier.
/// </summary>
public sealed record SegmentCountries(
    string Id, string Name, string Stage, int Products, IReadOnlyList<CountryShare> Countries, double ForeignShare, string? TopForeign);

/// <summary>A chain's supply by country (the mean over its products), its segments, and the foreign countries it depends on most.</summary>
public sealed record ChainCountries(
    string Id, string Name, int Products, double ForeignShare, IReadOnlyList<CountryDependence> DependsOn, IReadOnlyList<SegmentCountries> Segments);

/// <summary>
/// How much a chain (or the scope) depends on one foreign country: its mean share over the products,
/// in how many products it makes any, in how many it is the largest supplier, and in how many it
/// holds at least half; and those products' names.
/// </summary>
public sealed record CountryDependence(string Country, string? Name, double Share, int Products, int Leads, int Majority, IReadOnlyList<string> MajorityProducts);
