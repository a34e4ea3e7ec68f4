using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>Headline figure: the full ChainKnowledgeGraph imported into a new embedded store (goal ≤ 5 s, stretch 2 s).</summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ImportChainKgBenchmark
{
    TempDirectory? folder;

    [IterationSetup]
    public void Setup() => folder = new TempDirectory();

    [IterationCleanup]
    public void Cleanup() => folder?.Dispose();

    [Benchmark]
    public Task<string> ImportIntoNewStore() => ImportAsync(folder!.File("graph.db"));

    public static async Task<string> ImportOnceAsync()
    {
        using var folder = new TempDirectory();
        return await ImportAsync(folder.File("graph.db"));
    }

    static async Task<string> ImportAsync(string db)
    {
        var source = SharedData.ChainKg ?? throw new InvalidOperationException(SharedData.MissingReason);
        await using var store = new SqliteGraphStore(db);
        await store.InitializeAsync();
        var batch = new GraphBatch();
        new ChainKgReader().Read(source, batch);
        var summary = await new GraphImporter(store).ImportAsync(batch);
        return $"{summary.Nodes.Values.Sum():N0} nodes, {summary.Relationships.Values.Sum():N0} relationships, {summary.Rejected.Count} rejected";
    }
}
