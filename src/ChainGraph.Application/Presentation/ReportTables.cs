using System.Globalization;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Ranking;

namespace ChainGraph.Application.Presentation;

/// <summary>The analyses' reports as tables, the same for the command line and the API's CSV downloads.</summary>
public static class ReportTables
{
    public static Table Gaps(ChainGapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // The segment's lists come last so spreadsheets that address the older columns by position still find them.
        return new(["segment", "stage", "status", "local", "national", "rank", "candidate", "name", "province", "city", "score", "why", "local makers", "innovation centres"],
            report.Segments.SelectMany(s => s.Candidates.Count == 0 ? [Row(s, null, 0)] : s.Candidates.Select((c, i) => Row(s, c, i + 1))).ToList());

        // The segment's lists go on its first row only, so a segment with ten candidates does not repeat them ten times.
        static IReadOnlyList<string> Row(SegmentGap s, GapCandidate? c, int rank) =>
        [
            s.Name, s.Stage, s.Status.ToString().ToLowerInvariant(), Number(s.Local), Number(s.National),
            rank == 0 ? "" : Number(rank), c?.Id ?? "", c?.Name ?? "", c?.Province ?? (c?.Country is null or "CN" ? "" : c.Country), c?.City ?? "",
            c is null ? "" : Number(c.Score), c?.Why ?? "",
            rank > 1 ? "" : string.Join("、", s.LocalMakers), rank > 1 ? "" : string.Join("、", s.InnovationCentres),
        ];
    }

    public static Table Chokepoints(ChokepointReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(["rank", "id", "name", "label", "suppliers", "hhi", "foreignShare", "dependents", "dominates", "articulation", "score", "why"],
            report.Items.Select((i, rank) => (IReadOnlyList<string>)
            [
                Number(rank + 1), i.Id, i.Name, i.Label, ForProducts(i, Number(i.Suppliers)), ForProducts(i, Number(i.Hhi)),
                ForProducts(i, i.ForeignShare is { } share ? Number(share) : "unknown"), Number(i.Dependents), Number(i.Dominates),
                i.Articulation ? "yes" : "", Number(i.Score), i.Why,
            ]).ToList());
    }

    /// <summary>One row per segment, one column per region (status, makers, capacity share, carriers), and the regions' scores last.</summary>
    public static Table Compare(RegionComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Segments.Select(s => (IReadOnlyList<string>)
            [s.Name, s.Stage, Number(s.National), .. s.Regions.Select(Cell)]).ToList();
        rows.Add(["score", "", "", .. report.Regions.Select(r => Number(r.Score))]);
        return new Table(["segment", "stage", "national", .. report.Regions.Select(r => r.Name)], rows);

        static string Cell(RegionSegment r) =>
            $"{r.Status.ToString().ToLowerInvariant()} {r.Makers}" + (r.CapacityShare is { } share ? $" ({share * 100:0}%)" : "")
            + (r.InnovationCentres.Count > 0 ? $", {r.InnovationCentres.Count} carrier{(r.InnovationCentres.Count > 1 ? "s" : "")}" : "");
    }

    public static Table Rank(RegionRankingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(["rank", "code", "region", "province", "score", "why"],
            report.Regions.Select(r => (IReadOnlyList<string>)[Number(r.Rank), r.Code, r.Name, r.Province ?? "", Number(r.Score), r.Why]).ToList());
    }

    /// <summary>Makers, HHI and foreign share describe a product's supply; for an enterprise they do not apply.</summary>
    static string ForProducts(ChokepointItem item, string value) => item.Label == "Product" ? value : "n/a";

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
