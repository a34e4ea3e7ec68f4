using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Linkage;
using ChainGraph.Analysis.Paths;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Views;

/// <summary>
/// Builds views from the snapshot and changes them step by step. Expanding a node shows at most
/// <see cref="ExpandCap"/> new neighbours and a "+N more" element for the rest, so a hub node
/// with thousands of neighbours stays readable; expanding "+N more" shows the next page.
/// </summary>
public static partial class ViewBuilder
{
    public const int ExpandCap = 25;

    /// <summary>Fills a new view; <paramref name="answer"/> is its analysis (see <see cref="ViewAnalyses"/>), null for a kind that carries none.</summary>
    public static (string Title, string Layout) Open(GraphSnapshot snapshot, ViewState view, ViewAnswer? answer)
    {
        var request = view.Request;
        switch (request.Kind)
        {
            case "chain":
                var chain = ChainSegments.Resolve(snapshot, request.Chain ?? throw Missing("chain", new Phrase("产业链视图需要 chain（产业链）。", "A chain view needs 'chain'.")));
                var gaps = answer?.Result as ChainGapReport;
                OpenChain(snapshot, view, chain, gaps is null ? null : RegionFilter.Resolve(snapshot, request.Region!), gaps);
                return ($"{chain.Name}{(gaps is null ? "" : " · " + gaps.Region)}", "chain");
            case "focus":
                var focus = snapshot.IndexOf(request.Focus ?? throw Missing("focus", new Phrase("焦点视图需要 focus（中心节点）。", "A focus view needs 'focus'.")), "focus");
                view.Add(CyElement.Node(snapshot, focus, classes: "focus"));
                var frontier = new List<string> { snapshot.Ids[focus] };
                for (var step = 0; step < request.Depth; step++)
                    frontier = frontier.SelectMany(n => Expand(snapshot, view, n).Added.Where(e => e.Group == "nodes" && e.Classes != "more").Select(e => e.Id)).ToList();
                return (snapshot.Names[focus], "fcose");
            case "chokepoints":
                OpenChokepoints(snapshot, view, (ChokepointReport)answer!.Result);
                return ("Chokepoints", "fcose");
            case "path":
                var from = snapshot.IndexOf(request.Focus ?? throw Missing("focus", new Phrase("路径视图需要 focus（起点）。", "A path view needs 'focus' (the start).")), "focus");
                var to = snapshot.IndexOf(request.To ?? throw Missing("to", new Phrase("路径视图需要 to（终点）。", "A path view needs 'to'.")), "to");
                var paths = PathFinder.KShortest(snapshot, from, to, request.K, Traversal.Supply);
                if (paths.Count == 0) throw new NotFoundException("to", snapshot.Ids[to], new Phrase("{0} 与 {1} 之间没有供应路径。", "No supply path links {0} and {1}.", snapshot.Names[from], snapshot.Names[to]));
                foreach (var path in paths)
                {
                    for (var i = 0; i < path.Nodes.Count; i++)
                        view.Add(CyElement.Node(snapshot, path.Nodes[i], classes: i == 0 || i == path.Nodes.Count - 1 ? "focus" : null));
                    for (var i = 0; i < path.Steps.Count; i++)
                    {
                        var (a, b) = (snapshot.Ids[path.Nodes[i]], snapshot.Ids[path.Nodes[i + 1]]);
                        view.Add(path.Steps[i].Forward ? CyElement.Edge(path.Steps[i].Type, a, b) : CyElement.Edge(path.Steps[i].Type, b, a));
                    }
                }
                return ($"{snapshot.Names[from]} → {snapshot.Names[to]}", "dagre");
            case "linkage":
                var groupA = NodeGroup.Resolve(snapshot, request.Focus ?? throw Missing("focus", new Phrase("区域联系视图需要 focus（第一组）。", "A linkage view needs 'focus' (the first group).")), "focus");
                var groupB = NodeGroup.Resolve(snapshot, request.To ?? throw Missing("to", new Phrase("区域联系视图需要 to（第二组）。", "A linkage view needs 'to' (the second group).")), "to");
                OpenLinkage(snapshot, view, GroupLinkage.Run(snapshot, groupA, groupB, request.Top));
                return ($"{groupA.Name} ↔ {groupB.Name}", "fcose");
            case "centrality":
                OpenRanked(snapshot, view, ((CentralityReport)answer!.Result).PageRank.Select(r => (r.Id, r.Score)));
                return ("PageRank", "fcose");
            default:
                return OpenAnalysis(snapshot, view, answer!);
        }
    }

    /// <summary>The chain's segments (coloured by their status in the region of <paramref name="gaps"/>), their products and the region's makers.</summary>
    static void OpenChain(GraphSnapshot snapshot, ViewState view, ResolvedChain chain, RegionFilter? region, ChainGapReport? gaps)
    {
        var statuses = gaps?.Segments.ToDictionary(s => s.Id);
        var segmentIds = chain.Segments.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var segment in chain.Segments)
        {
            // Stage and order place the segment on the chain map when no supply link between segments does.
            var extra = new Dictionary<string, object?> { ["national"] = segment.Makers.Length, ["stage"] = segment.Stage, ["order"] = segment.Order };
            var gap = statuses?.GetValueOrDefault(segment.Id);
            if (gap is not null) SetStatus(extra, gap);
            var classes = gap is null ? "anchor" : "anchor " + StatusClass(gap);
            // An industry standing as a segment looks like one: a box coloured by its stage (or its status).
            if (segment.ByMembership) classes += " segment " + segment.Stage;
            view.Add(CyElement.Node(snapshot, segment.Node, extra, classes));
            view.MarkOpen(segment.Id);
            if (!segment.ByMembership)
            {
                foreach (var product in segment.Products)
                {
                    view.Add(CyElement.Node(snapshot, product));
                    view.Add(CyElement.Edge(RelType.InSegment, snapshot.Ids[product], segment.Id));
                }
            }
            foreach (var maker in segment.Makers.Where(m => region?.Contains(snapshot, m) == true))
            {
                view.Add(CyElement.Node(snapshot, maker, classes: "local"));
                // An industry segment shows its members, not what they make (expanding a member shows that):
                // it links them to the segment itself, so every edge sent has both its ends in the view.
                if (segment.ByMembership) view.Add(CyElement.Edge(RelType.InIndustry, snapshot.Ids[maker], segment.Id));
                else
                    foreach (var product in segment.Products.Where(p => snapshot.Out(RelType.Makes).Neighbours(maker).Contains(p)))
                        view.Add(CyElement.Edge(RelType.Makes, snapshot.Ids[maker], snapshot.Ids[product]));
            }
        }
        foreach (var segment in chain.Segments)
        {
            foreach (var next in snapshot.Out(RelType.Feeds).Neighbours(segment.Node))
                if (segmentIds.Contains(snapshot.Ids[next])) view.Add(CyElement.Edge(RelType.Feeds, segment.Id, snapshot.Ids[next]));
            foreach (var down in snapshot.Out(RelType.UpstreamOf).Neighbours(segment.Node))
                if (segmentIds.Contains(snapshot.Ids[down])) view.Add(CyElement.Edge(RelType.UpstreamOf, segment.Id, snapshot.Ids[down]));
        }
    }

    /// <summary>The crossing links (with the products they run through) and the brokers between two groups.</summary>
    static void OpenLinkage(GraphSnapshot snapshot, ViewState view, LinkageReport report)
    {
        foreach (var link in report.Links.Take(200))
        {
            view.Add(CyElement.Node(snapshot, Index(snapshot, link.From), classes: "local"));
            view.Add(CyElement.Node(snapshot, Index(snapshot, link.To), classes: "focus"));
            if (link is { Product: { } product, UsedIn: { } usedIn })
            {
                view.Add(CyElement.Node(snapshot, Index(snapshot, product)));
                view.Add(CyElement.Node(snapshot, Index(snapshot, usedIn)));
                view.Add(CyElement.Edge(RelType.Makes, link.From, product));
                view.Add(CyElement.Edge(RelType.InputTo, product, usedIn));
                view.Add(CyElement.Edge(RelType.Makes, link.To, usedIn));
            }
            else
            {
                view.Add(CyElement.Edge(RelType.Supplies, link.From, link.To));
            }
        }
        OpenRanked(snapshot, view, report.Brokers.Select(r => (r.Id, r.Score)));
    }

    /// <summary>Adds every relationship between two nodes the view shows.</summary>
    static void ConnectShown(GraphSnapshot snapshot, ViewState view)
    {
        var shown = view.Elements.Where(e => e.Group == "nodes" && snapshot.TryGetIndex(e.Id, out _)).Select(e => Index(snapshot, e.Id)).ToHashSet();
        foreach (var v in shown)
            foreach (var type in GraphSchema.RelTypes)
                foreach (var w in snapshot.Out(type).Neighbours(v))
                    if (shown.Contains(w)) view.Add(CyElement.Edge(type, snapshot.Ids[v], snapshot.Ids[w]));
    }

    /// <summary>Ranked nodes sized by score, with the relationships among everything shown.</summary>
    static void OpenRanked(GraphSnapshot snapshot, ViewState view, IEnumerable<(string Id, double Score)> ranked)
    {
        var scores = ranked.ToList();
        var max = scores.Count == 0 ? 1 : scores.Max(r => r.Score);
        foreach (var (id, score) in scores)
            if (!view.Contains(id)) view.Add(CyElement.Node(snapshot, Index(snapshot, id), new Dictionary<string, object?> { ["score"] = max > 0 ? score / max : 0 }, "chokepoint"));
        ConnectShown(snapshot, view);
    }

    static void OpenChokepoints(GraphSnapshot snapshot, ViewState view, ChokepointReport report)
    {
        foreach (var item in report.Items)
        {
            view.Add(CyElement.Node(snapshot, Index(snapshot, item.Id), new Dictionary<string, object?>
            {
                ["score"] = item.Score, ["why"] = item.Why, ["dominates"] = item.Dominates, ["articulation"] = item.Articulation,
            }, "chokepoint"));
        }
        ConnectShown(snapshot, view);
    }

    /// <summary>Shows the next page of a node's neighbours (any type, either direction) that the view does not show yet.</summary>
    public static ViewPatch Expand(GraphSnapshot snapshot, ViewState view, string nodeId)
    {
        if (nodeId.StartsWith("more:", StringComparison.Ordinal)) nodeId = nodeId["more:".Length..];
        var node = Index(snapshot, nodeId);
        var added = new List<CyElement>();
        var updated = new List<CyElement>();
        var removed = new List<string>();
        view.MarkExpanded(nodeId);
        var hidden = 0;
        foreach (var (type, neighbour, outgoing) in Neighbours(snapshot, node))
        {
            var id = snapshot.Ids[neighbour];
            var edge = outgoing ? CyElement.Edge(type, nodeId, id) : CyElement.Edge(type, id, nodeId);
            if (!view.Contains(id))
            {
                if (added.Count(e => e.Group == "nodes") >= ExpandCap)
                {
                    hidden++;
                    continue;
                }
                var element = CyElement.Node(snapshot, neighbour);
                view.Add(element, nodeId);
                added.Add(element);
            }
            if (view.Add(edge)) added.Add(edge);
        }
        var more = CyElement.MoreId(nodeId);
        if (hidden > 0)
        {
            var element = CyElement.More(nodeId, hidden);
            if (view.Contains(more))
            {
                view.Replace(element);
                updated.Add(element);
            }
            else
            {
                view.Add(element);
                view.Add(CyElement.MoreEdge(nodeId));
                added.Add(element);
                added.Add(CyElement.MoreEdge(nodeId));
            }
        }
        else if (view.Contains(more))
        {
            removed.AddRange(view.Remove(more));
        }
        return new ViewPatch(view.Id, added, removed, updated) { Expanded = [nodeId] };
    }

    /// <summary>Hides what expanding the node added (and what those added in turn), keeping the node itself.</summary>
    public static ViewPatch Collapse(ViewState view, string nodeId)
    {
        var removed = new List<string>();
        var collapsed = new List<string>();
        var stack = new Stack<string>([nodeId]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (view.MarkCollapsed(current)) collapsed.Add(current);
            removed.AddRange(view.Remove(CyElement.MoreId(current)));
            foreach (var child in view.TakeAddedBy(current))
            {
                stack.Push(child);
                // Its own expansion goes with it: the members unmark it too.
                if (view.IsExpanded(child)) collapsed.Add(child);
                removed.AddRange(view.Remove(child));
            }
        }
        return new ViewPatch(view.Id, [], removed, []) { Collapsed = collapsed };
    }

    /// <summary>What a committed write changes in a view: updated and removed elements, new edges between shown nodes, new neighbours of open nodes.</summary>
    public static ViewPatch Apply(GraphSnapshot snapshot, ViewState view, Graph.ChangeSet changes)
    {
        var added = new List<CyElement>();
        var updated = new List<CyElement>();
        var removed = new List<string>();
        foreach (var id in changes.DeletedNodes.Where(view.Contains)) removed.AddRange(view.Remove(id));
        foreach (var key in changes.DeletedRelationships)
            removed.AddRange(view.Remove(CyElement.EdgeId(key.Type, key.StartId, key.EndId)));
        foreach (var id in changes.UpsertedNodes.Where(view.Contains))
        {
            var element = CyElement.Node(snapshot, Index(snapshot, id), Kept(view, id), Classes(view, id));
            view.Replace(element);
            updated.Add(element);
        }
        foreach (var key in changes.UpsertedRelationships)
        {
            var (start, end) = (view.Contains(key.StartId), view.Contains(key.EndId));
            if (!start && !end) continue;
            // A new neighbour of a node whose neighbourhood is shown appears; other edges need both ends shown.
            if (start != end && view.IsOpen(start ? key.StartId : key.EndId))
            {
                var other = start ? key.EndId : key.StartId;
                var element = CyElement.Node(snapshot, Index(snapshot, other));
                if (view.Add(element, start ? key.StartId : key.EndId)) added.Add(element);
            }
            if (!view.Contains(key.StartId) || !view.Contains(key.EndId)) continue;
            var edge = CyElement.Edge(key.Type, key.StartId, key.EndId);
            if (view.Add(edge)) added.Add(edge);
        }
        return new ViewPatch(view.Id, added, removed, updated);
    }

    /// <summary>View-specific data (gap status, chokepoint score, region rank) that a data update must not wipe.</summary>
    static Dictionary<string, object?> Kept(ViewState view, string id)
    {
        var old = view.Get(id).Data;
        return old.Where(p => p.Key is "status" or "local" or "national" or "score" or "rank" or "why" or "dominates" or "articulation")
            .ToDictionary(p => p.Key, p => p.Value);
    }

    static string? Classes(ViewState view, string id)
    {
        var old = view.Get(id).Classes.Split(' ');
        var kept = old.Where(c => c is "anchor" or "local" or "focus" or "chokepoint" or "region" or "candidate" or "segment" or "upstream" or "midstream" or "downstream"
            || c.StartsWith("status-", StringComparison.Ordinal)).Distinct().ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    static IEnumerable<(RelType Type, int Neighbour, bool Outgoing)> Neighbours(GraphSnapshot snapshot, int node)
    {
        foreach (var type in GraphSchema.RelTypes)
        {
            foreach (var n in snapshot.Out(type).Neighbours(node).ToArray()) yield return (type, n, true);
            foreach (var n in snapshot.In(type).Neighbours(node).ToArray()) yield return (type, n, false);
        }
    }

    static int Index(GraphSnapshot snapshot, string id) => snapshot.IndexOf(id, "id");

    static InvalidRequestException Missing(string field, Phrase message) => new(field, null, message);
}
