using System.Collections.Concurrent;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// Every open view, by id, and every room with its members. A view belongs to the connection that opened it, or to
/// its room, whose views live until the room's last member leaves; connections and rooms hold a bounded number of
/// views. After each committed write it works out each view's patch and pushes it to the view's connection, or to its room.
/// </summary>
public sealed partial class ViewRegistry
{
    public const int ViewsPerConnection = 20;
    public const int ViewsPerRoom = 50;
    readonly ConcurrentDictionary<string, Entry> views = new(StringComparer.Ordinal);
    readonly Dictionary<string, Room> rooms = new(StringComparer.Ordinal);
    // Guards rooms, and makes a cap's check and the add it allows one step.
    readonly Lock gate = new();
    readonly GraphService graph;
    readonly ViewAnalyses analyses;
    readonly IHubContext<GraphHub, IGraphClient> hub;
    readonly ChainGraphMetrics metrics;
    readonly ILogger<ViewRegistry> logger;

    public ViewRegistry(GraphService graph, ViewAnalyses analyses, IHubContext<GraphHub, IGraphClient> hub, ChainGraphMetrics metrics,
        ILogger<ViewRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.graph = graph;
        this.analyses = analyses;
        this.hub = hub;
        this.metrics = metrics;
        this.logger = logger;
        graph.Changed += OnChangedAsync;
    }

    public int Count => views.Count;

    /// <summary>
    /// Builds a view and registers it only once it opened, within the caps: a failed or refused open leaves nothing behind.
    /// A room view makes the connection a member of the room; Joined tells whether it was not one yet.
    /// </summary>
    /// <exception cref="HubException">The connection or the room holds as many views as it may.</exception>
    public (ViewState View, ViewOpened Opened, bool Joined) Open(ViewRequest request, string connectionId, Func<ViewState, ViewOpened> build)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(build);
        lock (gate) CheckCaps(request.Room, connectionId);
        var view = new ViewState(Guid.NewGuid().ToString("N")[..12], request, request.Room is null ? connectionId : null);
        var opened = build(view);
        var joined = false;
        lock (gate)
        {
            CheckCaps(request.Room, connectionId);
            views[view.Id] = new Entry(view, connectionId);
            if (request.Room is { } room) Enter(room, connectionId, null, out joined).Views.Add(view.Id);
        }
        return (view, opened, joined);
    }

    /// <summary>A view the connection may use: one it opened, or one of a room it is a member of.</summary>
    /// <exception cref="HubException">No such view, or it is someone else's.</exception>
    public ViewState Get(string viewId, string connectionId)
    {
        if (viewId is null || !views.TryGetValue(viewId, out var entry)) throw new HubException($"No open view '{viewId}'.");
        lock (gate)
        {
            var member = entry.View.Request.Room is { } room
                ? rooms.TryGetValue(room, out var members) && members.Members.ContainsKey(connectionId)
                : entry.View.Owner == connectionId;
            return member ? entry.View : throw new HubException("not a member of this view");
        }
    }

    /// <summary>Closes a view the connection may use, which frees its place under the caps.</summary>
    public void Close(string viewId, string connectionId)
    {
        var view = Get(viewId, connectionId);
        lock (gate)
        {
            views.TryRemove(view.Id, out _);
            if (view.Request.Room is { } room && rooms.TryGetValue(room, out var members)) members.Views.Remove(view.Id);
        }
    }

    /// <summary>
    /// Frees the connection's own views, its language, and a room's views once its last member has left; returns the
    /// rooms it left that still have members, with them.
    /// </summary>
    public List<(string Room, List<RoomMember> Members)> Forget(string connectionId)
    {
        languages.TryRemove(connectionId, out _);
        var left = new List<(string, List<RoomMember>)>();
        lock (gate)
        {
            foreach (var entry in views.Values.Where(e => e.View.Owner == connectionId)) views.TryRemove(entry.View.Id, out _);
            foreach (var (name, room) in rooms.ToList())
            {
                if (!room.Members.Remove(connectionId)) continue;
                if (room.Members.Count > 0)
                {
                    left.Add((name, room.MemberList()));
                    continue;
                }
                foreach (var id in room.Views) views.TryRemove(id, out _);
                rooms.Remove(name);
            }
        }
        return left;
    }

    void CheckCaps(string? room, string connectionId)
    {
        if (views.Values.Count(e => e.OpenedBy == connectionId) >= ViewsPerConnection)
            throw new HubException($"This connection has {ViewsPerConnection} views open, the most it may; close one (CloseView) or reconnect.");
        if (room is not null && rooms.TryGetValue(room, out var members) && members.Views.Count >= ViewsPerRoom)
            throw new HubException($"Room '{room}' has {ViewsPerRoom} views open, the most it may; close one (CloseView) first.");
    }

    /// <summary>A view and the connection that opened it, which its cap counts against (a room view has no owner).</summary>
    sealed record Entry(ViewState View, string OpenedBy);
}
