using ChainGraph.Model.Text;

namespace ChainGraph.Server.Views;

/// <summary>
/// One step of a view: elements to add, ids to remove and elements whose data changed; the nodes whose neighbourhood
/// it began or stopped showing (so every member marks them); and the view's analysis when it changed (null otherwise).
/// </summary>
public sealed record ViewPatch(string ViewId, IReadOnlyList<CyElement> Added, IReadOnlyList<string> Removed, IReadOnlyList<CyElement> Updated)
{
    public IReadOnlyList<string> Expanded { get; init; } = [];

    public IReadOnlyList<string> Collapsed { get; init; } = [];

    public ViewAnalysis? Analysis { get; init; }

    /// <summary>The patch with its analysis in <paramref name="language"/>.</summary>
    public ViewPatch In(Language language) => Analysis is null ? this : this with { Analysis = Analysis.In(language) };

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Updated.Count == 0 && Expanded.Count == 0 && Collapsed.Count == 0 && Analysis is null;
}
