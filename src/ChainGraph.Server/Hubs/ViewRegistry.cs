using System.Collections.Concurrent;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// Every open view, by id. After each committed write it works out each view's patch and pushes
/// it to the view's connection, or to its room.
/// </summary>
public sealed class ViewRegistry
{
    readonly ConcurrentDictionary<string, ViewState> views = new(StringComparer.Ordinal);
    readonly IHubContext<GraphHub, IGraphClient> hub;

    readonly ChainGraphMetrics metrics;

    public ViewRegistry(GraphService graph, IHubContext<GraphHub, IGraphClient> hub, ChainGraphMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.hub = hub;
        this.metrics = metrics;
        graph.Changed += OnChangedAsync;
    }

    public int Count => views.Count;

    public ViewState Create(ViewRequest request, string connectionId)
    {
        var view = new ViewState(Guid.NewGuid().ToString("N")[..12], request, request.Room is null ? connectionId : null);
        views[view.Id] = view;
        return view;
    }

    public ViewState Get(string viewId) =>
        views.TryGetValue(viewId, out var view) ? view : throw new HubException($"No open view '{viewId}'.");

    /// <summary>The latest view opened in a room, for a member who joins later.</summary>
    public ViewState? LatestInRoom(string room) => views.Values.LastOrDefault(v => v.Request.Room == room);

    public void Forget(string connectionId)
    {
        foreach (var view in views.Values.Where(v => v.Owner == connectionId)) views.TryRemove(view.Id, out _);
    }

    public IGraphClient Audience(ViewState view) =>
        view.Request.Room is { } room ? hub.Clients.Group(GraphHub.RoomGroup(room)) : hub.Clients.Client(view.Owner!);

    async Task OnChangedAsync(ChangeSet changes, GraphSnapshot snapshot)
    {
        var sends = new List<Task>();
        foreach (var view in views.Values)
        {
            ViewPatch patch;
            lock (view.Gate) patch = ViewBuilder.Apply(snapshot, view, changes);
            if (patch.IsEmpty) continue;
            sends.Add(Audience(view).ViewPatched(patch));
            metrics.PatchesPushed.Add(1);
        }
        await Task.WhenAll(sends);
    }
}
