using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainGraph.Server.Tests;

/// <summary>A real Kestrel server on a free loopback port, over a fresh embedded store holding the demo data.</summary>
public class ServerFixture : IAsyncLifetime
{
    readonly TempDirectory folder = new();
    WebApplication? app;

    protected string Folder => folder.Path;

    /// <summary>Access settings: none by default, so the loopback service runs open.</summary>
    protected virtual SecurityOptions? Security => null;

    /// <summary>Whether there is anything to serve; when not, nothing starts (the fixture's tests skip).</summary>
    protected virtual bool CanStart => true;

    /// <summary>Fills the empty store before the server starts: the demo by default.</summary>
    protected virtual Task LoadAsync(GraphService graph) => ServerHost.LoadDemoIfEmptyAsync(graph);

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string WriteToken => app!.Services.GetRequiredService<AccessMode>().WriteToken;

    public GraphService Graph => app!.Services.GetRequiredService<GraphService>();

    public T Service<T>() where T : notnull => app!.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        if (!CanStart) return;
        var store = new SqliteGraphStore(folder.File("graph.db"));
        await store.InitializeAsync();
        app = ServerHost.Build(store, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning), Security ?? new SecurityOptions(folder.File("keys.json")));
        await LoadAsync(Graph);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
        // This machine's user, as `chaingraph serve` tells them: the open mode's write token.
        Http.DefaultRequestHeaders.Add(AccessMode.TokenHeader, WriteToken);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        folder.Dispose();
    }
}
