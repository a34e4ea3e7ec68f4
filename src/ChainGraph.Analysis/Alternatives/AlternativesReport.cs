using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Alternatives;

/// <summary>Alternatives for one or more inputs (chokepoints), and what the data covers.</summary>
public sealed record AlternativesReport(IReadOnlyList<InputAlternatives> Items)
{
    public DataCoverage? Coverage { get; init; }
}

/// <summary>
/// One input: its known makers (domestic first), its substitutes (the other inputs of a substitute
/// group, the sibling products under the same SUBTYPE_OF parent) with their makers, and, when it is
/// foreign-dependent, the domestic enterprises that could substitute (国产替代), each with its evidence.
/// </summary>
/// <param name="ForeignShare">Share of its supply made abroad; null when the data cannot tell.</param>
/// <param name="Basis">How maker shares are measured: volume, capacity or makers (counted evenly).</param>
/// <param name="Status">One line: foreign-dependent or not, or why the data cannot tell.</param>
/// <param name="DomesticSubstitution">The 国产替代 list; null unless the input is foreign-dependent.</param>
public sealed record InputAlternatives(
    string Id, string Name, double? ForeignShare, string Basis, int MakerCount, int DomesticMakers, IReadOnlyList<AlternativeMaker> Makers,
    IReadOnlyList<Substitute> Substitutes, IReadOnlyList<DomesticCandidate>? DomesticSubstitution, Phrase Status)
{
    /// <summary>Its rank in the chokepoint ranking when the request named none; else null.</summary>
    public int? Rank { get; init; }

    /// <summary>The chokepoint ranking's reason, when it came from there.</summary>
    public Reason? Why { get; init; }

    /// <summary>How many substitutes with a known maker there are (<see cref="Substitutes"/> lists at most the limit of them).</summary>
    public int SubstitutesTotal { get; init; }

    /// <summary>How many substitutes no one in the data is known to make (not listed).</summary>
    public int SubstitutesWithoutMakers { get; init; }
}

/// <summary>A maker: where it is, its capacity and volume where known, and its share of the product's supply on the answer's basis.</summary>
public sealed record AlternativeMaker(
    string Id, string Name, string? Country, string? Province, string? City, double? Capacity, double? Volume, double Share, bool Domestic,
    IReadOnlyList<string> Tags);

/// <summary>
/// A product that can stand in for the input. <paramref name="Kind"/> is <c>substituteGroup</c> (it
/// replaces the input in <paramref name="Via"/>, the product both go into, group <paramref name="Group"/>)
/// or <c>sibling</c> (it is another kind of <paramref name="Via"/>, their common SUBTYPE_OF parent).
/// </summary>
public sealed record Substitute(
    string Id, string Name, string Kind, string Via, string ViaName, int? Group, int MakerCount, int DomesticMakers, IReadOnlyList<AlternativeMaker> Makers);

/// <summary>A domestic enterprise that could replace foreign supply, the strongest evidence first (its score: 1 makes the input, 0.8 a substitute, 0.6 a sibling, 0.4 a segment peer).</summary>
public sealed record DomesticCandidate(
    string Id, string Name, string? Province, string? City, double? Capacity, IReadOnlyList<string> Tags, double Score, IReadOnlyList<Phrase> Evidence);
