using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Scope;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Presentation;

/// <summary>A disruption report with ids and names instead of node indices: the shape of the JSON answer.</summary>
public sealed record DisruptionView(
    IReadOnlyList<string> Removed, IReadOnlyList<NodeName> LostProducts, IReadOnlyList<NodeName> AffectedEnterprises, IReadOnlyList<SegmentLossView> Segments)
{
    public static DisruptionView Of(GraphSnapshot snapshot, DisruptionReport report)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(report);
        NodeName Named(int v) => new(snapshot.Ids[v], snapshot.Names[v]);
        return new([.. report.Removed.Select(v => snapshot.Ids[v])], [.. report.LostProducts.Select(Named)], [.. report.AffectedEnterprises.Select(Named)],
            [.. report.Segments.Select(s => new SegmentLossView(s.ChainId, s.SegmentId, s.Name, s.Products, s.Lost, Math.Round(s.Share, 4)))])
        {
            Coverage = report.Coverage,
            InputLossThreshold = report.InputLossThreshold,
            Supply = [.. report.Supply.Select(p => new ProductLossView(snapshot.Ids[p.Product], snapshot.Names[p.Product], Math.Round(p.Share, 4), p.Basis, p.Makers,
                p.MakersLost, p.Lost, p.Via is { } via ? snapshot.Ids[via] : null, p.Via is { } v ? snapshot.Names[v] : null))],
            Exposed = [.. report.Exposed.Select(e => new ExposureView(snapshot.Ids[e.Enterprise], snapshot.Names[e.Enterprise], Math.Round(e.Share, 4), e.Inputs,
                e.InputsHit, Math.Round(e.InputShareLost, 4), e.PurchasesLost is { } bought ? Math.Round(bought, 4) : null,
                e.WorstInput is { } w ? snapshot.Names[w] : null))],
        };
    }

    public DataCoverage? Coverage { get; init; }

    /// <summary>Every product whose supply is cut, wholly or partly: the share lost and how it was measured.</summary>
    public IReadOnlyList<ProductLossView> Supply { get; init; } = [];

    /// <summary>Enterprises still standing that lose at least <see cref="InputLossThreshold"/> of their inputs.</summary>
    public IReadOnlyList<ExposureView> Exposed { get; init; } = [];

    public double InputLossThreshold { get; init; }

    /// <summary>The products that keep some supply: 0 &lt; share lost &lt; 1.</summary>
    public int PartlyAffected => Supply.Count(p => p.Share < 1);
}

/// <summary>One product's share of supply lost; basis volume, capacity, makers, removed, or inputs (bounded by the input <c>via</c>).</summary>
public sealed record ProductLossView(string Id, string Name, double Share, string Basis, int Makers, int MakersLost, bool Lost, string? Via, string? ViaName);

/// <summary>An exposed enterprise: its share of inputs lost (the larger of its inputs' mean loss and its purchases from removed suppliers).</summary>
public sealed record ExposureView(string Id, string Name, double Share, int Inputs, int InputsHit, double InputShareLost, double? PurchasesLost, string? WorstInput);

public sealed record NodeName(string Id, string Name);

public sealed record SegmentLossView(string Chain, string Id, string Name, int Products, int Lost, double Share);
