using ChainGraph.Formats.ChainKg;
using ChainGraph.Formats.Places;
using ChainGraph.Model;
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
    public async Task ImportChainKg_GivesTheExactCountsNamesEverySelfLoopAndConflict_AndASecondImportChangesNothing()
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
        Assert.True(stats.Nodes["Product"] >= 95_559);
        Assert.Equal(108, summary.Rejected.Count);
        Assert.All(summary.Rejected, r => Assert.StartsWith("self-loop", r.Reason));
        Assert.Equal(49, summary.Merged.Count);
        Assert.Equal(19, summary.Conflicts.Count);
        Assert.All(summary.Conflicts, c => Assert.Equal("company.json", c.File));
        Assert.Contains(summary.Conflicts, c => (c.Line, c.Id, c.KeptName, c.ConflictingName) == (3812, "688080", "红星美凯龙家居集团股份有限公司", "安徽海螺水泥股份有限公司"));
        Assert.Equal(8, summary.Conflicts.Count(c => c.Id == "688080"));
        Assert.Equal(4_689, stats.Nodes["Enterprise"]);
        Assert.Equal(stats.Nodes, again.Nodes);
        Assert.Equal(stats.Relationships, again.Relationships);
    }

    [ChainKgFact]
    public async Task ImportPlaces_AfterChainKg_MovesEachEnterpriseToTheFilesPlaceAlone()
    {
        await using var store = await CreateStoreAsync();
        await ImportChainKgAsync(store);
        var before = await store.GetStatsAsync();
        folder.Write("places.csv", "id,province,city,county,source\n300750,江苏,常州,溧阳,生产基地\n000001,广东,深圳,,注册地址\n999999,江苏,,,\n");

        var summary = await ImportPlacesAsync(store);
        var again = await ImportPlacesAsync(store);

        var rejection = Assert.Single(summary.Rejected);
        Assert.Equal(("places.csv", 4L, "field 'id': no Enterprise has this id. Got: '999999'"), (rejection.File, rejection.Line, rejection.Reason));
        Assert.Equal(["CN-320481"], await PlacesOfAsync(store, "300750"));
        Assert.Equal(["CN-440300"], await PlacesOfAsync(store, "000001"));
        var catl = (await store.GetNodeAsync("300750"))!;
        Assert.Equal(("宁德时代", "江苏省", "常州市", "溧阳市", "file", "生产基地"), (catl.Name, catl.GetString("province"), catl.GetString("city"),
            catl.GetString("county"), catl.GetString("placeSource"), catl.GetString("placeNote")));
        var stats = await store.GetStatsAsync();
        // 300750's link moves to 溧阳 (no new one), 溧阳 is linked to 常州, and 000001 gets its first.
        Assert.Equal(before.Relationships["LOCATED_IN"] + 2, stats.Relationships["LOCATED_IN"]);
        Assert.Equal(before.Nodes["Enterprise"], stats.Nodes["Enterprise"]);
        Assert.Single(again.Rejected);
        Assert.Equal(stats.Relationships, (await store.GetStatsAsync()).Relationships);
    }

    async Task<ImportSummary> ImportPlacesAsync(IGraphStore store)
    {
        var batch = new GraphBatch();
        new PlacesReader().Read(folder.File("places.csv"), batch);
        return await new GraphImporter(store).ImportAsync(batch);
    }

    static async Task<List<string>> PlacesOfAsync(IGraphStore store, string id) =>
        [.. (await store.GetNeighboursAsync(id, new NeighbourQuery(RelType.LocatedIn, Direction.Outgoing))).Items.Select(n => n.Node.Id)];

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

    [Theory]
    [InlineData("INSERT INTO rels (type, src, dst, props) SELECT 'LIKES', nid, nid, '{}' FROM nodes WHERE id = '碳酸锂'", "'LIKES'")]
    [InlineData("UPDATE nodes SET label = 'Robot' WHERE id = '碳酸锂'", "'Robot'")]
    public async Task LoadSnapshot_TypeOrLabelOutsideTheContractInTheFile_IsAnErrorNamingIt(string edit, string named)
    {
        await using var store = (SqliteGraphStore)await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = edit;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.LoadSnapshotAsync());

        Assert.Equal(GraphStoreException.UnknownType, error.Code);
        Assert.Contains(named, error.Message);
    }

    static Task<ImportSummary> ImportChainKgAsync(IGraphStore store)
    {
        var batch = new GraphBatch();
        new ChainKgReader().Read(SharedData.ChainKg!, batch);
        return new GraphImporter(store).ImportAsync(batch);
    }
}
