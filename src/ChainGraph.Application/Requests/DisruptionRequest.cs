using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Requests;

/// <summary>What removing nodes or a region cuts off (<c>analyze disruption</c>, <c>GET /api/analyses/disruption</c>).</summary>
/// <param name="Remove">Ids of the enterprises or products to remove, comma-separated.</param>
public sealed record DisruptionRequest(string? Remove, string? Region, string? Chain) : IQuery<DisruptionReport>
{
    /// <summary>The ids of <see cref="Remove"/>, trimmed, without empty entries.</summary>
    public IReadOnlyList<string> RemovedIds =>
        (Remove ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The snapshot's indices of <see cref="RemovedIds"/>.</summary>
    /// <exception cref="NotFoundException">Naming every id the graph does not hold.</exception>
    public IReadOnlyList<int> RemovedNodes(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var missing = RemovedIds.Where(id => !snapshot.TryGetIndex(id, out _)).ToList();
        if (missing.Count > 0) throw new NotFoundException("remove", string.Join(",", missing), new Phrase("没有编号为 {0} 的节点。", "No node with id {1}.", string.Join("、", missing.Select(m => $"「{m}」")), string.Join(", ", missing.Select(m => $"'{m}'"))));
        return [.. RemovedIds.Select(id => snapshot.IndexOf(id, "remove"))];
    }

    /// <summary>An enterprise is listed as exposed when it loses at least this share of its inputs (0..1).</summary>
    public double Threshold { get; init; } = DisruptionOptions.Default.InputLossThreshold;

    public void Validate() => new ParameterCheck()
        .That(RemovedIds.Count > 0 || !string.IsNullOrWhiteSpace(Region), "remove", Remove, "give the ids of the enterprises or products to remove, or a region.")
        .Range("threshold", Threshold, 0, 1)
        .ThrowIfInvalid();

    public DisruptionReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken)
    {
        var chains = Chain is { } chain ? [ChainSegments.Resolve(snapshot, chain)] : ChainSegments.Templates(snapshot);
        return DisruptionAnalysis.Run(snapshot, RemovedNodes(snapshot), Region is { } region ? RegionFilter.Resolve(snapshot, region) : null, chains,
            new DisruptionOptions { InputLossThreshold = Threshold });
    }
}
