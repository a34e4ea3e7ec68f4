using ChainGraph.Server.Hubs;
using ChainGraph.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChainGraph.Server.Tests;

/// <summary>The real SignalR client on the graph hub, over WebSockets with the service's JSON options.</summary>
internal static class SignalRClient
{
    public static async Task<HubConnection> ConnectAsync(Uri baseAddress, string? key = null)
    {
        var connection = GraphHubConnection.Create(baseAddress, key);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A connection that records what the hub pushes (every <see cref="IGraphClient"/> method).</summary>
    public static Task<RecordingHubClient> RecordingAsync(Uri baseAddress, string? key = null) =>
        RecordingHubClient.ConnectAsync<IGraphClient>(baseAddress, key);

    /// <summary>Polls up to five seconds for a condition the service brings about in the background.</summary>
    public static Task<bool> EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()));

    /// <inheritdoc cref="EventuallyAsync(Func{bool})"/>
    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, TimeSpan.FromSeconds(5));
}
