using ChainGraph.Server.Views;

namespace ChainGraph.Server.Hubs;

/// <summary>What a newcomer to a room finds: the view opened last and not closed (null when none), the pickers and who is there.</summary>
public sealed record RoomJoined(ViewOpened? View, IReadOnlyDictionary<string, string> Pickers, IReadOnlyList<RoomMember> Members);

/// <summary>A member of a room: its connection id and the name it joined under.</summary>
public sealed record RoomMember(string Id, string Name);
