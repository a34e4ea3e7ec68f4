using System.Collections.Concurrent;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.SignalR;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Hubs;

/// <summary>Rooms: their members (with names and languages), pickers and latest view; and sending to a view's audience once per language.</summary>
public sealed partial class ViewRegistry
{
    readonly ConcurrentDictionary<string, Language> languages = new(StringComparer.Ordinal);

    /// <summary>Makes the connection a member of a room under a name (null: the one it has, if any); returns what the room shows now and whether the members changed.</summary>
    public (RoomJoined Joined, bool MembersChanged) Join(string room, string connectionId, string? name)
    {
        ViewState? latest;
        RoomJoined joined;
        bool changed;
        lock (gate)
        {
            var members = Enter(room, connectionId, name, out changed);
            latest = members.Views is [.., var id] ? views[id].View : null;
            joined = new RoomJoined(null, members.Pickers, members.MemberList());
        }
        if (latest is null) return (joined, changed);
        lock (latest.Gate) return (joined with { View = latest.Snapshot() }, changed);
    }

    public List<RoomMember> Members(string room)
    {
        lock (gate) return rooms.TryGetValue(room, out var members) ? members.MemberList() : [];
    }

    /// <summary>Replaces a room's pickers (chain, region, thresholds, tab: whatever the page keeps there).</summary>
    /// <exception cref="HubException">The connection is not a member of the room.</exception>
    public void SetPickers(string room, string connectionId, IReadOnlyDictionary<string, string> pickers)
    {
        lock (gate)
        {
            if (!rooms.TryGetValue(room, out var members) || !members.Members.ContainsKey(connectionId)) throw new HubException("not a member of this room");
            members.Pickers = new Dictionary<string, string>(pickers, StringComparer.Ordinal);
        }
    }

    public void SetLanguage(string connectionId, Language language) => languages[connectionId] = language;

    public Language LanguageOf(string connectionId) => languages.GetValueOrDefault(connectionId, Language.Zh);

    /// <summary>
    /// Sends to everyone who sees the view (its room, or its owner), once per language among them; <paramref name="send"/>
    /// gets the language, so a payload can be rendered in it.
    /// </summary>
    public Task SendAsync(ViewState view, Func<IGraphClient, Language, Task> send, string? except = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(send);
        if (view.Request.Room is { } room) return SendToRoomAsync(room, send, except);
        return view.Owner == except ? Task.CompletedTask : send(hub.Clients.Client(view.Owner!), LanguageOf(view.Owner!));
    }

    /// <inheritdoc cref="SendAsync"/>
    public Task SendToRoomAsync(string room, Func<IGraphClient, Language, Task> send, string? except = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        List<IGrouping<Language, string>> audience;
        lock (gate)
        {
            if (!rooms.TryGetValue(room, out var members)) return Task.CompletedTask;
            audience = members.Members.Keys.Where(id => id != except).GroupBy(LanguageOf).ToList();
        }
        return Task.WhenAll(audience.Select(group => send(hub.Clients.Clients([.. group]), group.Key)));
    }

    /// <summary>The room, created when new, with the connection in it; <paramref name="changed"/> when it was not in it (or under another name).</summary>
    Room Enter(string room, string connectionId, string? name, out bool changed)
    {
        if (!rooms.TryGetValue(room, out var members)) rooms[room] = members = new Room();
        var known = members.Members.TryGetValue(connectionId, out var old);
        var kept = name ?? old ?? "";
        changed = !known || old != kept;
        members.Members[connectionId] = kept;
        return members;
    }

    /// <summary>A room's members and their names, its pickers, and its views oldest first, so a newcomer gets the latest.</summary>
    sealed class Room
    {
        public Dictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

        public List<string> Views { get; } = [];

        public IReadOnlyDictionary<string, string> Pickers { get; set; } = new Dictionary<string, string>();

        public List<RoomMember> MemberList() => [.. Members.Select(m => new RoomMember(m.Key, m.Value))];
    }
}
