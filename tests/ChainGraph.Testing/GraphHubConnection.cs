using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChainGraph.Testing;

/// <summary>The real SignalR client on the graph hub, over WebSockets with the service's JSON options.</summary>
public static class GraphHubConnection
{
    /// <summary>A connection not yet started, with an API key as the hub's access token when the service needs one.</summary>
    public static HubConnection Create(Uri baseAddress, string? key = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/graph"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult(key);
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
}
