using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// The live graph at /hubs/graph: open, expand, collapse and close views, share a room. Every
/// client with a view open receives a patch when data it shows changes.
/// </summary>
public sealed class GraphHub(GraphService graph, ViewAnalyses analyses, ViewRegistry views, ChainGraphMetrics metrics) : Hub<IGraphClient>
{
    public static string RoomGroup(string room) => "room:" + room;

    public async Task<ViewOpened> OpenView(ViewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            request.Validate();
        }
        catch (InvalidRequestException e)
        {
            throw new HubException(e.Message);
        }
        var answer = await analyses.RunAsync(request, Context.ConnectionAborted);
        var snapshot = answer?.Snapshot ?? await graph.GetSnapshotAsync(Context.ConnectionAborted);
        ViewOpened opened;
        try
        {
            opened = views.Open(request, Context.ConnectionId, view =>
            {
                lock (view.Gate)
                {
                    (view.Title, view.Layout) = ViewBuilder.Open(snapshot, view, answer);
                    if (answer is not null) view.TakeAnalysis(answer.Analysis, answer.Version);
                    return view.Snapshot();
                }
            });
        }
        catch (Exception e) when (e is InvalidRequestException or NotFoundException)
        {
            throw new HubException(e.Message);
        }
        metrics.ViewsOpened.Add(1, new KeyValuePair<string, object?>("kind", request.Kind));
        if (request.Room is { } room)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(room));
            await Clients.OthersInGroup(RoomGroup(room)).ViewOpened(opened);
        }
        return opened;
    }

    public async Task<ViewPatch> Expand(string viewId, string nodeId) => await ChangeAsync(viewId, (snapshot, view) => ViewBuilder.Expand(snapshot, view, nodeId));

    public async Task<ViewPatch> Collapse(string viewId, string nodeId) => await ChangeAsync(viewId, (_, view) => ViewBuilder.Collapse(view, nodeId));

    /// <summary>Joins a room and returns the view opened in it last, if any, so the newcomer sees what the others see.</summary>
    public async Task<ViewOpened?> JoinRoom(string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var view = views.Join(room, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(room));
        if (view is null) return null;
        lock (view.Gate) return view.Snapshot();
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

    public async Task Select(string viewId, string? nodeId)
    {
        var view = views.Get(viewId, Context.ConnectionId);
        if (view.Request.Room is { } room) await Clients.OthersInGroup(RoomGroup(room)).SelectionChanged(viewId, nodeId);
    }

    public override Task OnConnectedAsync()
    {
        metrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubConnections.Add(-1);
        views.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    async Task<ViewPatch> ChangeAsync(string viewId, Func<Model.Snapshot.GraphSnapshot, ViewState, ViewPatch> change)
    {
        var view = views.Get(viewId, Context.ConnectionId);
        var snapshot = await graph.GetSnapshotAsync(Context.ConnectionAborted);
        ViewPatch patch;
        try
        {
            lock (view.Gate) patch = change(snapshot, view);
        }
        catch (NotFoundException e)
        {
            throw new HubException(e.Message);
        }
        if (view.Request.Room is { } room && !patch.IsEmpty) await Clients.OthersInGroup(RoomGroup(room)).ViewPatched(patch);
        return patch;
    }
}
