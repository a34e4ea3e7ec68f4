using ChainGraph.Server.Views;

namespace ChainGraph.Server.Hubs;

/// <summary>What the server pushes to web clients.</summary>
public interface IGraphClient
{
    /// <summary>A view this client (or its room) shows changed: data was written, or a room member expanded it.</summary>
    Task ViewPatched(ViewPatch patch);

    /// <summary>A room member opened a view; everyone in the room shows it.</summary>
    Task ViewOpened(ViewOpened view);

    /// <summary>A room member selected a node (null: cleared the selection).</summary>
    Task SelectionChanged(string viewId, string? nodeId);

    /// <summary>A room member moved nodes of a view.</summary>
    Task NodesMoved(string viewId, IReadOnlyDictionary<string, NodePosition> positions);

    /// <summary>A room member changed the room's pickers; these are all of them now.</summary>
    Task PickersChanged(IReadOnlyDictionary<string, string> pickers);

    /// <summary>Someone joined or left the room; these are its members now.</summary>
    Task MembersChanged(IReadOnlyList<RoomMember> members);

    /// <summary>Progress of a long job such as an import.</summary>
    Task Progress(JobProgress progress);
}

/// <summary>How far a job has come; Total is null while it is unknown.</summary>
public sealed record JobProgress(string JobId, string Phase, long Done, long? Total);
