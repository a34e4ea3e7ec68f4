using System.Collections.Concurrent;
using System.Security.Claims;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// The open hub connections with the key each authenticated with, so a revoked key's connections can be closed
/// and its calls refused. Open mode's single local user holds only while the service is open.
/// </summary>
public sealed class HubKeyGuard(ApiKeyStore keys, AccessMode mode)
{
    /// <summary>The key id <see cref="ApiKeyAuthentication"/> gives the open mode's local user.</summary>
    const string OpenModeUser = "local";
    readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connections[connection.ConnectionId] = connection;
    }

    public void Closed(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connections.TryRemove(connection.ConnectionId, out _);
    }

    public static string? KeyId(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool Allows(ClaimsPrincipal? user) => KeyId(user) is { } id && (id == OpenModeUser ? mode.Open : keys.IsActive(id));

    /// <summary>Aborts every connection whose key is no longer active, and returns how many.</summary>
    public int CloseRevoked()
    {
        var revoked = connections.Values.Where(c => !Allows(c.User)).ToList();
        foreach (var connection in revoked) connection.Abort();
        return revoked.Count;
    }
}
