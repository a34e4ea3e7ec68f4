using System.Collections.Concurrent;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// Every open view, by id, and every room with its members. A view belongs to the connection that opened it, or to
/// its room, whose views live until the room's last member leaves; connections and rooms hold a bounded number of
/// views. After each committed write it works out each view's patch and pushes it to the view's connection, or to its room.
/// </summary>
public sealed class ViewRegistry
{
    public const int ViewsPerConnection = 20;
    public const int ViewsPerRoom = 50;
    readonly ConcurrentDictionary<string, Entry> views = new(StringComparer.Ordinal);
    readonly Dictionary<string, Room> rooms = new(StringComparer.Ordinal);
    // Guards rooms, and makes a cap's check and the add it allows one step.
    readonly Lock gate = new();
    readonly ViewAnalyses analyses;
    readonly IHubContext<GraphHub, IGraphClient> hub;
    readonly ChainGraphMetrics metrics;

    public ViewRegistry(GraphService graph, ViewAnalyses analyses, IHubContext<GraphHub, IGraphClient> hub, ChainGraphMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.analyses = analyses;
        this.hub = hub;
        this.metrics = metrics;
        graph.Changed += OnChangedAsync;
    }

    public int Count => views.Count;

    /// <summary>Builds a view and registers it only once it opened, within the caps: a failed or refused open leaves nothing behind.</summary>
    /// <exception cref="HubException">The connection or the room holds as many views as it may.</exception>
    public ViewOpened Open(ViewRequest request, string connectionId, Func<ViewState, ViewOpened> build)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(build);
        lock (gate) CheckCaps(request.Room, connectionId);
        var view = new ViewState(Guid.NewGuid().ToString("N")[..12], request, request.Room is null ? connectionId : null);
        var opened = build(view);
        lock (gate)
        {
            CheckCaps(request.Room, connectionId);
            views[view.Id] = new Entry(view, connectionId);
            if (request.Room is { } room) Enter(room, connectionId).Views.Add(view.Id);
        }
        return opened;
    }

    /// <summary>Makes the connection a member of a room and returns the room's latest view, if any.</summary>
    public ViewState? Join(string room, string connectionId)
    {
        lock (gate) return Enter(room, connectionId).Views is [.., var latest] ? views[latest].View : null;
    }

    /// <summary>A view the connection may use: one it opened, or one of a room it is a member of.</summary>
    /// <exception cref="HubException">No such view, or it is someone else's.</exception>
    public ViewState Get(string viewId, string connectionId)
    {
        if (!views.TryGetValue(viewId, out var entry)) throw new HubException($"No open view '{viewId}'.");
        lock (gate)
        {
            var member = entry.View.Request.Room is { } room
                ? rooms.TryGetValue(room, out var members) && members.Members.Contains(connectionId)
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

    /// <summary>Frees the connection's own views, and a room's views once its last member has left.</summary>
    public void Forget(string connectionId)
    {
        lock (gate)
        {
            foreach (var entry in views.Values.Where(e => e.View.Owner == connectionId)) views.TryRemove(entry.View.Id, out _);
            foreach (var (name, room) in rooms.ToList())
            {
                if (!room.Members.Remove(connectionId) || room.Members.Count > 0) continue;
                foreach (var id in room.Views) views.TryRemove(id, out _);
                rooms.Remove(name);
            }
        }
    }

    public IGraphClient Audience(ViewState view) =>
        view.Request.Room is { } room ? hub.Clients.Group(GraphHub.RoomGroup(room)) : hub.Clients.Client(view.Owner!);

    Room Enter(string room, string connectionId)
    {
        if (!rooms.TryGetValue(room, out var members)) rooms[room] = members = new Room();
        members.Members.Add(connectionId);
        return members;
    }

    void CheckCaps(string? room, string connectionId)
    {
        if (views.Values.Count(e => e.OpenedBy == connectionId) >= ViewsPerConnection)
            throw new HubException($"This connection has {ViewsPerConnection} views open, the most it may; close one (CloseView) or reconnect.");
        if (room is not null && rooms.TryGetValue(room, out var members) && members.Views.Count >= ViewsPerRoom)
            throw new HubException($"Room '{room}' has {ViewsPerRoom} views open, the most it may; close one (CloseView) first.");
    }

    Task OnChangedAsync(ChangeSet changes, GraphSnapshot snapshot) => Task.WhenAll(views.Values.Select(e => RefreshAsync(e.View, changes, snapshot)));

    /// <summary>
    /// What a write changed in one view: its analysis, asked again off the view's lock (views asking one question share
    /// one cached answer), then its elements and, when the report changed, the report and what the view draws from it.
    /// </summary>
    async Task RefreshAsync(ViewState view, ChangeSet changes, GraphSnapshot snapshot)
    {
        ViewAnswer? answer = null;
        try
        {
            answer = await analyses.RunAsync(view.Request, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidRequestException or NotFoundException)
        {
            // The write took away what the view asks about: it keeps the report it shows.
        }
        ViewPatch patch;
        lock (view.Gate)
        {
            patch = ViewBuilder.Apply(snapshot, view, changes);
            if (answer is not null && view.TakeAnalysis(answer.Analysis, answer.Version))
            {
                var followed = answer.Result is ChainGapReport gaps ? ViewBuilder.FollowGaps(view, gaps) : [];
                var ids = followed.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                patch = patch with { Updated = [.. patch.Updated.Where(e => !ids.Contains(e.Id)), .. followed], Analysis = answer.Analysis };
            }
        }
        if (patch.IsEmpty) return;
        metrics.PatchesPushed.Add(1);
        await Audience(view).ViewPatched(patch);
    }

    /// <summary>A view and the connection that opened it, which its cap counts against (a room view has no owner).</summary>
    sealed record Entry(ViewState View, string OpenedBy);

    /// <summary>A room's members, and its views oldest first, so a newcomer gets the latest.</summary>
    sealed class Room
    {
        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

        public List<string> Views { get; } = [];
    }
}
