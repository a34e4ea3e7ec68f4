using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Storage.Tests;

/// <summary>The store contract on the embedded SQLite store, plus the real-data import it must get exactly right.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreContract, IDisposable
{
    readonly TempDirectory folder = new();

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        var store = new SqliteGraphStore(folder.File($"{Guid.NewGuid():N}.db"));
        await store.InitializeAsync();
        return store;
    }

    public void Dispose() => folder.Dispose();

    [ChainKgFact]
    public async Task ImportChainKg_GivesTheExactCountsAndNamesEverySelfLoop_AndASecondImportChangesNothing()
    {
        await using var store = await CreateStoreAsync();

        var summary = await ImportChainKgAsync(store);
        var stats = await store.GetStatsAsync();
        await ImportChainKgAsync(store);
        var again = await store.GetStatsAsync();

        Assert.Equal(56_735, stats.Relationships["INPUT_TO"]);
        Assert.Equal(52_936, stats.Relationships["SUBTYPE_OF"]);
        Assert.Equal(53_207, stats.Relationships["MAKES"]);
        Assert.Equal(4_430, stats.Relationships["IN_INDUSTRY"]);
        Assert.Equal(480, stats.Relationships["PARENT"]);
        Assert.Equal(5_256, stats.Relationships["UPSTREAM_OF"]);
        Assert.True(stats.Nodes["Enterprise"] >= 4_586);
        Assert.True(stats.Nodes["Product"] >= 95_559);
        Assert.Equal(108, summary.Rejected.Count);
        Assert.All(summary.Rejected, r => Assert.StartsWith("self-loop", r.Reason));
        Assert.Equal(68, summary.Merged.Count);
        Assert.Equal(stats.Nodes, again.Nodes);
        Assert.Equal(stats.Relationships, again.Relationships);
    }

    [Fact]
    public async Task Search_FindsTraditionalAndFullWidthSpellings()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var batch = new GraphBatch();
        batch.AddNode("mcu", Model.NodeLabel.Product, new() { ["name"] = "车规级MCU" }, new SourceLocation("t", 1));
        await ImportAsync(store, batch);

        Assert.Equal(["动力电池"], (await store.SearchAsync("動力電池", null, 5)).Select(n => n.Id));
        Assert.Equal(["mcu"], (await store.SearchAsync("ｍｃｕ", null, 5)).Select(n => n.Id));
        Assert.Equal(["300750"], (await store.SearchAsync("寧德", null, 5)).Select(n => n.Id));
    }

    [Fact]
    public async Task Initialize_OnAFileWithoutTheSearchColumn_AddsAndFillsIt()
    {
        var path = folder.File("old.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE nodes (nid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL);
                INSERT INTO nodes (id, label, name, props) VALUES ('p', 'Product', '锂电池', '{"name":"锂电池"}');
                """;
            await command.ExecuteNonQueryAsync();
        }
        await using var store = new SqliteGraphStore(path);

        await store.InitializeAsync();

        Assert.Equal(["p"], (await store.SearchAsync("鋰電", null, 5)).Select(n => n.Id));
    }

    static Task<ImportSummary> ImportChainKgAsync(IGraphStore store)
    {
        var batch = new GraphBatch();
        new ChainKgReader().Read(SharedData.ChainKg!, batch);
        return new GraphImporter(store).ImportAsync(batch);
    }
}
