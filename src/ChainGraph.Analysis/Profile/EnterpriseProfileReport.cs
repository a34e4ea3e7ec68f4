using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Profile;

/// <summary>
/// One enterprise on one page: where it is, its tags, the chain segments it takes part in through
/// its products, its customers and suppliers (the first <c>limit</c> of each by id, with the
/// totals), its innovation partners and clusters, the chain products whose supply it holds
/// in few hands, and the segments for which it is a 招商 candidate elsewhere.
/// </summary>
public sealed record EnterpriseProfile(string Id, string Name, IReadOnlyList<string> Tags, EnterprisePlace Place, IReadOnlyList<ChainPart> Chains,
    IReadOnlyList<Counterpart> Customers, int CustomersTotal, IReadOnlyList<Counterpart> Suppliers, int SuppliersTotal,
    IReadOnlyList<Counterpart> InnovationPartners, IReadOnlyList<Counterpart> Clusters, IReadOnlyList<SupplyPosition> Chokepoints,
    IReadOnlyList<Candidacy> Candidate)
{
    public DataCoverage? Coverage { get; init; }
}

/// <summary>
/// Where an enterprise is: country, province, city and county as the graph holds them, and the region
/// it is LOCATED_IN. The store adds its registered name and how its place was found
/// (<see cref="Source"/>: name, bracket or file; <see cref="Note"/>: what a places file said).
/// </summary>
public sealed record EnterprisePlace(string? Country, string? Province, string? City, string? County, string? RegionId)
{
    public string? FullName { get; init; }

    public string? Source { get; init; }

    public string? Note { get; init; }
}

/// <summary>A segment of a chain the enterprise takes part in, by which rule it was attached (挂链), and the products of the segment it makes.</summary>
public sealed record ChainPart(string ChainId, string ChainName, string SegmentId, string SegmentName, string Stage, string Rule, IReadOnlyList<string> Products);

/// <summary>Another node the enterprise deals with; <see cref="Volume"/> is the SUPPLIES volume where one is known.</summary>
public sealed record Counterpart(string Id, string Name, string Label, string? Province, string? City, double? Volume = null);

/// <summary>A chain product whose known supply is in few hands, the enterprise's among them: sole maker, or HHI above the chokepoint screen's 0.4.</summary>
public sealed record SupplyPosition(string ProductId, string ProductName, int Makers, double Hhi, Phrase Why);

/// <summary>
/// A segment for which the enterprise is a 招商 candidate: the cities (of <see cref="Of"/>) where the
/// gap analysis finds the segment missing or weak and would list it, its own city left out.
/// </summary>
public sealed record Candidacy(string ChainId, string SegmentId, string SegmentName, int Cities, int Of, Phrase Why);
