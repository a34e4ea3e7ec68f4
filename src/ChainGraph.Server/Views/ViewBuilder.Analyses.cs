using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Profile;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Server.Views;

/// <summary>The views drawn from an analysis (compare, rank, profile, alternatives), and a chain's segments following its gap report.</summary>
public static partial class ViewBuilder
{
    static (string Title, string Layout) OpenAnalysis(GraphSnapshot snapshot, ViewState view, ViewAnswer answer)
    {
        switch (answer.Result)
        {
            case RegionComparisonReport compare:
                OpenChain(snapshot, view, ChainSegments.Resolve(snapshot, compare.ChainId), null, null);
                return ($"{compare.ChainName} · {string.Join(" / ", compare.Regions.Select(r => r.Name))}", "chain");
            case RegionRankingReport rank:
                foreach (var region in rank.Regions) view.Add(RegionNode(snapshot, region));
                return ($"{rank.ChainName} · {rank.Level}", "fcose");
            case EnterpriseProfile profile:
                view.Add(CyElement.Node(snapshot, Index(snapshot, profile.Id), classes: "focus"));
                foreach (var other in profile.Suppliers.Concat(profile.Customers).Concat(profile.InnovationPartners).Concat(profile.Clusters))
                    AddShown(snapshot, view, other.Id);
                ConnectShown(snapshot, view);
                return (profile.Name, "fcose");
            case AlternativesReport alternatives:
                foreach (var item in alternatives.Items) OpenAlternatives(snapshot, view, item);
                ConnectShown(snapshot, view);
                return (alternatives.Items is [var only] ? only.Name : "Alternatives", "fcose");
            default:
                throw new InvalidOperationException($"No view is drawn from a {answer.Result.GetType().Name}.");
        }
    }

    /// <summary>The input, its makers, its substitutes with theirs, and the domestic enterprises that could replace foreign supply.</summary>
    static void OpenAlternatives(GraphSnapshot snapshot, ViewState view, InputAlternatives item)
    {
        AddShown(snapshot, view, item.Id, "focus");
        foreach (var maker in item.Makers) AddShown(snapshot, view, maker.Id, maker.Domestic ? "local" : null);
        foreach (var substitute in item.Substitutes)
        {
            AddShown(snapshot, view, substitute.Id);
            foreach (var maker in substitute.Makers) AddShown(snapshot, view, maker.Id, maker.Domestic ? "local" : null);
        }
        foreach (var candidate in item.DomesticSubstitution ?? []) AddShown(snapshot, view, candidate.Id, "candidate");
    }

    static void AddShown(GraphSnapshot snapshot, ViewState view, string id, string? classes = null)
    {
        if (!view.Contains(id) && snapshot.TryGetIndex(id, out var v)) view.Add(CyElement.Node(snapshot, v, classes: classes));
    }

    /// <summary>A ranked region: the graph's Region node when it holds one, else a node made from the ranking.</summary>
    static CyElement RegionNode(GraphSnapshot snapshot, RankedRegion region)
    {
        var extra = new Dictionary<string, object?> { ["score"] = region.Score, ["rank"] = region.Rank };
        if (snapshot.TryGetIndex(region.Id, out var v)) return CyElement.Node(snapshot, v, extra, "region");
        extra["id"] = region.Id;
        extra["label"] = "Region";
        extra["name"] = region.Name;
        if (region.Province is { } province) extra["province"] = province;
        return new CyElement("nodes", extra, "region");
    }

    /// <summary>
    /// A chain view brought to its new gap report: the segments whose status, local or national makers changed, and the
    /// region's makers it did not show yet, linked to what they make (or the industry they belong to) in the view.
    /// </summary>
    public static ViewPatch FollowGaps(GraphSnapshot snapshot, ViewState view, ChainGapReport gaps)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(gaps);
        var added = new List<CyElement>();
        var updated = new List<CyElement>();
        foreach (var gap in gaps.Segments.Where(g => view.Contains(g.Id)))
        {
            if (WithStatus(view.Get(gap.Id), gap) is { } element)
            {
                view.Replace(element);
                updated.Add(element);
            }
            foreach (var maker in gap.LocalMakers.Where(m => !view.Contains(m) && snapshot.TryGetIndex(m, out _)))
            {
                var node = CyElement.Node(snapshot, Index(snapshot, maker), classes: "local");
                view.Add(node);
                added.Add(node);
                foreach (var type in new[] { RelType.Makes, RelType.InIndustry })
                    foreach (var target in snapshot.Out(type).Neighbours(Index(snapshot, maker)))
                        if (view.Contains(snapshot.Ids[target]) && CyElement.Edge(type, maker, snapshot.Ids[target]) is var edge && view.Add(edge)) added.Add(edge);
            }
        }
        return new ViewPatch(view.Id, added, [], updated);
    }

    /// <summary>The segment's node with the gap's status, local and national makers; null when it shows them already.</summary>
    static CyElement? WithStatus(CyElement old, SegmentGap gap)
    {
        var data = new Dictionary<string, object?>(old.Data);
        SetStatus(data, gap);
        var classes = string.Join(' ', old.Classes.Split(' ').Where(c => !c.StartsWith("status-", StringComparison.Ordinal)).Append(StatusClass(gap)));
        return classes == old.Classes && data.All(p => Equals(old.Data.GetValueOrDefault(p.Key), p.Value)) ? null : old with { Data = data, Classes = classes };
    }

    static void SetStatus(Dictionary<string, object?> data, SegmentGap gap)
    {
        data["status"] = Status(gap);
        data["local"] = gap.Local;
        data["national"] = gap.National;
    }

    static string Status(SegmentGap gap) => gap.Status.ToString().ToLowerInvariant();

    static string StatusClass(SegmentGap gap) => "status-" + Status(gap);
}
