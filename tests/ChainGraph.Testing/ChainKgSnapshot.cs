using ChainGraph.Formats.Chains;
using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;

namespace ChainGraph.Testing;

/// <summary>The ChainKnowledgeGraph data as the service would analyse it: imported into a temporary embedded store and loaded back, once per test run.</summary>
public static class ChainKgSnapshot
{
    static readonly Lazy<GraphSnapshot> Shared = new(() => Load(templatesFirst: null));
    static readonly Lazy<GraphSnapshot> SharedWithTemplates = new(() => Load(templatesFirst: false));

    public static GraphSnapshot Instance => Shared.Value;

    /// <summary>The data with the chain templates of graph/chains imported after it, as the README's import steps do.</summary>
    public static GraphSnapshot WithTemplates => SharedWithTemplates.Value;

    /// <summary>The data and the templates in one snapshot, the templates read first or last (null: no templates).</summary>
    public static GraphSnapshot Load(bool? templatesFirst)
    {
        var batch = new GraphBatch();
        var templates = Path.Combine(RepositoryFolder.Root, "graph", "chains");
        if (templatesFirst == true) new ChainTemplateReader().Read(templates, batch);
        new ChainKgReader().Read(SharedData.ChainKg ?? throw new InvalidOperationException(SharedData.MissingReason), batch);
        if (templatesFirst == false) new ChainTemplateReader().Read(templates, batch);
        return ThroughStore(batch);
    }

    /// <summary>What the service would analyse after importing the batch: the importer, the embedded store and its loader in between.</summary>
    static GraphSnapshot ThroughStore(GraphBatch batch) => Task.Run(async () =>
    {
        using var folder = new TempDirectory();
        await using var store = new SqliteGraphStore(folder.File("chainkg.db"));
        await store.InitializeAsync();
        await new GraphImporter(store).ImportAsync(batch);
        return await store.LoadSnapshotAsync();
    }).GetAwaiter().GetResult();
}
