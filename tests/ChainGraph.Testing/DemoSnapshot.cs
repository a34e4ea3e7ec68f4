using ChainGraph.Formats;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Testing;

/// <summary>The built-in demo (graph/chains' five templates and graph/demo) as the service would analyse it: imported into a temporary embedded store and loaded back, once per test run.</summary>
public static class DemoSnapshot
{
    static readonly Lazy<GraphSnapshot> Shared = new(Load);

    public static GraphSnapshot Instance => Shared.Value;

    static GraphSnapshot Load() => Task.Run(async () =>
    {
        var batch = new GraphBatch();
        DemoData.Read(batch, Path.Combine(RepositoryFolder.Root, "graph"));
        using var folder = new TempDirectory();
        await using var store = new SqliteGraphStore(folder.File("demo.db"));
        await store.InitializeAsync();
        await new GraphImporter(store).ImportAsync(batch);
        return await store.LoadSnapshotAsync();
    }).GetAwaiter().GetResult();
}
