using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainGraph.Server.Tests;

/// <summary>
/// A real Kestrel server over the ChainKnowledgeGraph data alone (no templates), as `chaingraph import … --format chainkg`
/// and `serve` give it. Where the data is absent it starts nothing: its tests are <see cref="ChainKgFactAttribute"/>s, skipped.
/// </summary>
public sealed class ChainKgServerFixture : IAsyncLifetime
{
    readonly TempDirectory folder = new();
    WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SharedData.ChainKg is not { } data) return;
        var store = new SqliteGraphStore(folder.File("graph.db"));
        await store.InitializeAsync();
        var batch = new GraphBatch();
        new ChainKgReader().Read(data, batch);
        await new GraphImporter(store).ImportAsync(batch);
        app = ServerHost.Build(store, "http://127.0.0.1:0", logging => logging.SetMinimumLevel(LogLevel.Warning), new SecurityOptions(folder.File("keys.json")));
        await app.StartAsync();
        await app.Services.GetRequiredService<GraphService>().GetSnapshotAsync(CancellationToken.None);
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        folder.Dispose();
    }
}
