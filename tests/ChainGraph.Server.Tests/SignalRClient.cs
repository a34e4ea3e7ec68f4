using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChainGraph.Server.Tests;

/// <summary>The real SignalR client on the graph hub, over WebSockets with the service's JSON options.</summary>
internal static class SignalRClient
{
    public static async Task<HubConnection> ConnectAsync(Uri baseAddress, string? key = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/graph"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult(key);
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Polls up to five seconds for a condition the service brings about in the background.</summary>
    public static Task<bool> EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()));

    /// <inheritdoc cref="EventuallyAsync(Func{bool})"/>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 5000; waited += 20)
        {
            if (await condition()) return true;
            await Task.Delay(20);
        }
        return await condition();
    }
}
