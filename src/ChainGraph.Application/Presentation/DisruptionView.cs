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
        };
    }

    public DataCoverage? Coverage { get; init; }
}

public sealed record NodeName(string Id, string Name);

public sealed record SegmentLossView(string Chain, string Id, string Name, int Products, int Lost, double Share);
