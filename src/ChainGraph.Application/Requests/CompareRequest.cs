using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>A chain in several regions side by side (<c>analyze compare</c>, <c>GET /api/analyses/compare</c>).</summary>
/// <param name="Regions">Regions of any kind, comma-separated (江苏,浙江,广东 or 常州,宁德,宜宾).</param>
public sealed record CompareRequest(string Chain, string Regions, CompletenessOptions Options) : IQuery<RegionComparisonReport>
{
    public const int MaxRegions = 20;

    /// <summary>The regions named, trimmed, without empty entries; a full-width comma (，) or 、 separates too.</summary>
    public IReadOnlyList<string> RegionNames =>
        (Regions ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Validate()
    {
        var names = RegionNames;
        Options.Check(new ParameterCheck()
            .Required("chain", Chain)
            .That(names.Count >= 1, "regions", Regions, "name at least one region, comma-separated (江苏,浙江).")
            .That(names.Count <= MaxRegions, "regions", Regions, $"at most {MaxRegions} regions. Got: {names.Count}")
            .That(names.Distinct().Count() == names.Count, "regions", Regions, "names a region twice."))
            .ThrowIfInvalid();
    }

    public RegionComparisonReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        RegionComparison.Run(snapshot, ChainSegments.Resolve(snapshot, Chain), [.. RegionNames.Select(r => RegionFilter.Resolve(snapshot, r, "regions"))], Options);
}
