using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Carriers;

/// <summary>
/// Innovation carriers (创新载体) for the flagged chokepoints of a scope: who could address each,
/// which no carrier anywhere addresses, and per region the chokepoints its enterprises make or need
/// that no carrier of the region addresses. <paramref name="Note"/> says what the data can tell.
/// </summary>
/// <param name="Scope">strategic, all, or the chain asked about.</param>
/// <param name="Region">The region asked about; null when the answer is broken down by province.</param>
/// <param name="Centres">How many InnovationCentre nodes the graph holds.</param>
/// <param name="Unaddressed">Ids of the chokepoints no carrier anywhere addresses.</param>
public sealed record CarrierReport(
    string Scope, string? Region, int Centres, Phrase Note, IReadOnlyList<ChokepointCarriers> Chokepoints, IReadOnlyList<string> Unaddressed,
    IReadOnlyList<RegionCarriers> Regions)
{
    public DataCoverage? Coverage { get; init; }
}

/// <summary>One chokepoint (its rank and reason in the chokepoint ranking) and the carriers that could address it, the closest link first.</summary>
public sealed record ChokepointCarriers(string Id, string Name, int Rank, Reason Why, IReadOnlyList<Carrier> Carriers);

/// <summary>
/// An innovation centre and how it reaches the chokepoint, strongest first: it SUPPORTS the product
/// (score 1), SUPPORTS a chain segment holding it (0.7), or PARTNERS
/// with an enterprise making it (0.5); <paramref name="Ways"/> says which.
/// (Its kind is a property the snapshot does not hold: see the node.)
/// </summary>
public sealed record Carrier(string Id, string Name, string? Province, string? City, double Score, IReadOnlyList<Phrase> Ways);

/// <summary>
/// One region: the chokepoints relevant to it (made by its enterprises, or a direct input of what they
/// make), those a carrier located in it addresses (with the carriers' names), and those none does.
/// </summary>
public sealed record RegionCarriers(string Region, int Relevant, IReadOnlyList<RegionChokepoint> Addressed, IReadOnlyList<RegionChokepoint> Unaddressed);

/// <summary>A chokepoint seen from a region: the carriers there (none when unaddressed) and how many carriers elsewhere address it.</summary>
public sealed record RegionChokepoint(string Id, string Name, IReadOnlyList<string> LocalCarriers, int CarriersElsewhere);
