using ChainGraph.Model.Text;

namespace ChainGraph.Server.Views;

/// <summary>
/// A view as opened or as a room shows it now: its id, a title, the layout that suits it (chain for chain maps, dagre
/// for paths, fcose for networks), its elements, what was asked, its analysis (null for a kind that carries none), the nodes expanded, the
/// node selected and the positions members moved nodes to (applied after the layout).
/// </summary>
public sealed record ViewOpened(string ViewId, string Title, string Layout, IReadOnlyList<CyElement> Elements, ViewRequest Request,
    ViewAnalysis? Analysis, IReadOnlyList<string> Expanded, string? Selection, IReadOnlyDictionary<string, NodePosition> Positions)
{
    /// <summary>The view with its analysis in <paramref name="language"/>.</summary>
    public ViewOpened In(Language language) => Analysis is null ? this : this with { Analysis = Analysis.In(language) };
}

/// <summary>Where a member put a node.</summary>
public sealed record NodePosition(double X, double Y);
