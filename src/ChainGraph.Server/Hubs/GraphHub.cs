using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// The live graph at /hubs/graph: open, expand, collapse and close views, share a room (its view, expansions,
/// selection, positions and pickers). Every client with a view open receives a patch when data it shows changes.
/// The connection's language is its query string's <c>lang</c> (zh by default) until <see cref="SetLanguage"/>.
/// </summary>
public sealed class GraphHub(GraphService graph, ViewAnalyses analyses, ViewRegistry views, ChainGraphMetrics metrics) : Hub<IGraphClient>
{
    /// <summary>The most positions one <see cref="MoveNodes"/> carries: every node of a large view.</summary>
    public const int MaxPositions = 5000;

    public async Task<ViewOpened> OpenView(ViewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var answer = await analyses.RunAsync(request, Context.ConnectionAborted);
        var snapshot = answer?.Snapshot ?? await graph.GetSnapshotAsync(Context.ConnectionAborted);
        var (view, opened, joined) = views.Open(request, Context.ConnectionId, built =>
        {
            lock (built.Gate)
            {
                (built.Title, built.Layout) = ViewBuilder.Open(snapshot, built, answer);
                if (answer is not null) built.TakeAnalysis(answer.Analysis, answer.Version);
                return built.Snapshot();
            }
        });
        if (await views.CatchUpAsync(view, snapshot, Context.ConnectionAborted))
        {
            lock (view.Gate) opened = view.Snapshot();
        }
        metrics.ViewsOpened.Add(1, new KeyValuePair<string, object?>("kind", request.Kind));
        if (request.Room is { } room)
        {
            if (joined) await MembersChangedAsync(room);
            await views.SendToRoomAsync(room, (others, language) => others.ViewOpened(opened.In(language)), except: Context.ConnectionId);
        }
        return opened.In(views.LanguageOf(Context.ConnectionId));
    }

    public async Task<ViewPatch> Expand(string viewId, string nodeId)
    {
        CheckNode("nodeId", nodeId, required: true);
        return await ChangeAsync(viewId, (snapshot, view) => ViewBuilder.Expand(snapshot, view, nodeId));
    }

    public async Task<ViewPatch> Collapse(string viewId, string nodeId)
    {
        CheckNode("nodeId", nodeId, required: true);
        return await ChangeAsync(viewId, (_, view) => ViewBuilder.Collapse(view, nodeId));
    }

    /// <summary>Joins a room under a name and returns what it shows now (view, pickers, members), so the newcomer sees what the others see.</summary>
    public async Task<RoomJoined> JoinRoom(string room, string? name)
    {
        new ParameterCheck().Required("room", room).Bounded("room", room, ViewRequest.MaxRoom).Bounded("name", name, ViewRequest.MaxRoom).ThrowIfInvalid();
        var (joined, changed) = views.Join(room, Context.ConnectionId, name?.Trim());
        if (changed) await MembersChangedAsync(room);
        return joined with { View = joined.View?.In(views.LanguageOf(Context.ConnectionId)) };
    }

    /// <summary>Closes a view the caller opened or shares through a room, so a page that moves on stays under the cap of open views.</summary>
    public void CloseView(string viewId) => views.Close(viewId, Context.ConnectionId);

    /// <summary>The Louvain community of every node the view shows (0 = the largest), for colouring.</summary>
    public async Task<IReadOnlyDictionary<string, int>> Communities(string viewId)
    {
        var view = views.Get(viewId, Context.ConnectionId);
        var (report, _, _) = await graph.RunAsync(new CommunitiesRequest(), Context.ConnectionAborted);
        lock (view.Gate)
            return view.Elements.Where(e => e.Group == "nodes" && report.Membership.ContainsKey(e.Id)).ToDictionary(e => e.Id, e => report.Membership[e.Id]);
    }

    /// <summary>Selects a node of the view (null clears it); the view keeps it for newcomers and the room's other members are told.</summary>
    public async Task Select(string viewId, string? nodeId)
    {
        CheckNode("nodeId", nodeId, required: false);
        var view = views.Get(viewId, Context.ConnectionId);
        lock (view.Gate) view.Selection = nodeId;
        await views.SendAsync(view, (others, _) => others.SelectionChanged(viewId, nodeId), except: Context.ConnectionId);
    }

    /// <summary>Keeps where a member put nodes of the view (those it shows), and tells the room's other members.</summary>
    public async Task MoveNodes(string viewId, Dictionary<string, NodePosition> positions)
    {
        CheckPositions(positions);
        var view = views.Get(viewId, Context.ConnectionId);
        Dictionary<string, NodePosition> kept;
        lock (view.Gate) kept = view.Move(positions);
        if (kept.Count > 0) await views.SendAsync(view, (others, _) => others.NodesMoved(viewId, kept), except: Context.ConnectionId);
    }

    /// <summary>Replaces the room's pickers, which newcomers get, and tells its other members.</summary>
    public async Task SetPickers(string room, Dictionary<string, string> pickers)
    {
        new ParameterCheck().Required("room", room).Bounded("room", room, ViewRequest.MaxRoom)
            .That(pickers is not null, "pickers", null, "is required (an object of picker names and values).").Pickers("pickers", pickers).ThrowIfInvalid();
        views.SetPickers(room, Context.ConnectionId, pickers!);
        await views.SendToRoomAsync(room, (others, _) => others.PickersChanged(pickers!), except: Context.ConnectionId);
    }

    /// <summary>The language reasons in analyses are rendered in for this connection from now on.</summary>
    public void SetLanguage(string lang) => views.SetLanguage(Context.ConnectionId, Languages.Parse(lang));

    public override Task OnConnectedAsync()
    {
        metrics.HubConnections.Add(1);
        // A page's address may carry anything: an unknown language reads as the default rather than refusing the page.
        var asked = Context.GetHttpContext()?.Request.Query["lang"].ToString();
        views.SetLanguage(Context.ConnectionId, Languages.ParseLeniently(asked));
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubConnections.Add(-1);
        foreach (var (room, members) in views.Forget(Context.ConnectionId))
            await views.SendToRoomAsync(room, (clients, _) => clients.MembersChanged(members));
        await base.OnDisconnectedAsync(exception);
    }

    Task MembersChangedAsync(string room)
    {
        var members = views.Members(room);
        return views.SendToRoomAsync(room, (clients, _) => clients.MembersChanged(members));
    }

    async Task<ViewPatch> ChangeAsync(string viewId, Func<Model.Snapshot.GraphSnapshot, ViewState, ViewPatch> change)
    {
        var view = views.Get(viewId, Context.ConnectionId);
        var snapshot = await graph.GetSnapshotAsync(Context.ConnectionAborted);
        ViewPatch patch;
        lock (view.Gate) patch = change(snapshot, view);
        if (!patch.IsEmpty) await views.SendAsync(view, (others, language) => others.ViewPatched(patch.In(language)), except: Context.ConnectionId);
        return patch.In(views.LanguageOf(Context.ConnectionId));
    }

    static void CheckNode(string field, string? nodeId, bool required)
    {
        var check = new ParameterCheck();
        if (required) check.Required(field, nodeId);
        check.Bounded(field, nodeId).ThrowIfInvalid();
    }

    static void CheckPositions(Dictionary<string, NodePosition>? positions)
    {
        var check = new ParameterCheck().That(positions is not null, "positions", null, "is required (an object of node ids and {x, y}).");
        if (positions is not null)
        {
            check.That(positions.Count <= MaxPositions, "positions", null, $"at most {MaxPositions:N0} nodes a call. Got: {positions.Count:N0}");
            foreach (var (node, position) in positions.Take(MaxPositions + 1))
            {
                check.Bounded("positions", node)
                    .That(position is not null && double.IsFinite(position.X) && double.IsFinite(position.Y), $"positions.{node[..Math.Min(node.Length, 40)]}", null,
                        "must be {x, y} with finite numbers.");
            }
        }
        check.ThrowIfInvalid();
    }
}
