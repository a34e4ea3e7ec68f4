using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.Data.Sqlite;

namespace ChainGraph.Storage.Tests;

/// <summary>The snapshot image beside the embedded store: read at the next load while the store has not changed, never when it has.</summary>
public sealed class SnapshotImageTests : IDisposable
{
    readonly TempDirectory folder = new();

    static Task ImportAsync(IGraphStore store, GraphBatch batch) => new GraphImporter(store).ImportAsync(batch);

    public void Dispose() => folder.Dispose();

    async Task<SqliteGraphStore> StoreWithEveryColumnAndTypeAsync()
    {
        var store = new SqliteGraphStore(folder.File($"{Guid.NewGuid():N}.db"));
        await store.InitializeAsync();
        await ImportAsync(store, GraphStoreContract.EveryColumnAndType());
        return store;
    }

    /// <summary>Renames a node behind the store's back, without a new stamp: only a load that reads the tables sees it.</summary>
    static async Task RenameUnstampedAsync(SqliteGraphStore store, string id, string name)
    {
        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE nodes SET name = $name WHERE id = $id";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task LoadSnapshot_WhileTheStoreKeepsItsStamp_ReadsTheImage_IdenticalToTheTables()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        var fromTables = await store.LoadSnapshotAsync();
        Assert.True(File.Exists(store.ImagePath));
        await RenameUnstampedAsync(store, "300750", "不该看到");

        var fromImage = await store.LoadSnapshotAsync();

        SnapshotAssert.Identical(fromTables, fromImage);
        Assert.Equal(fromTables.ChangeStamp, fromImage.ChangeStamp);
        Assert.Equal("宁德时代", fromImage.Names[fromImage.IndexOf("300750", "id")]);
    }

    [Fact]
    public async Task LoadSnapshot_AfterAWrite_ReadsTheTables()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        await store.LoadSnapshotAsync();
        await RenameUnstampedAsync(store, "300750", "宁德时代新能源");

        await ImportAsync(store, Batch(b => b.UpdateNode("002460", NodeLabel.Enterprise, new() { ["city"] = "新余市" }, [], new SourceLocation("test", 1))));
        var snapshot = await store.LoadSnapshotAsync();

        Assert.Equal("宁德时代新能源", snapshot.Names[snapshot.IndexOf("300750", "id")]);
        Assert.Equal("新余市", snapshot.Cities[snapshot.IndexOf("002460", "id")]);
    }

    [Fact]
    public async Task LoadSnapshot_WithADamagedImage_ReadsTheTablesAndMendsTheImage()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        var expected = await store.LoadSnapshotAsync();
        var image = await File.ReadAllBytesAsync(store.ImagePath);
        await File.WriteAllBytesAsync(store.ImagePath, image[..(image.Length / 2)]);

        SnapshotAssert.Identical(expected, await store.LoadSnapshotAsync());

        Assert.Equal(image.Length, new FileInfo(store.ImagePath).Length);
    }

    [Fact]
    public async Task LoadSnapshot_WithAnImageOneByteWrong_ReadsTheTables()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        var expected = await store.LoadSnapshotAsync();
        var image = await File.ReadAllBytesAsync(store.ImagePath);
        // One byte of one name, past the header: the stamp still matches, and nothing but the hash tells.
        var at = image.AsSpan().IndexOf("宁德时代"u8);
        image[at + 1] ^= 1;
        await File.WriteAllBytesAsync(store.ImagePath, image);

        SnapshotAssert.Equal(expected, await store.LoadSnapshotAsync());
    }

    [Fact]
    public async Task KeepSnapshot_OfAPatchedSnapshot_IsWhatTheNextLoadReads()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        var snapshot = await store.LoadSnapshotAsync();
        var plan = await new GraphImporter(store).PlanAsync(Batch(b => b.AddNode("new", NodeLabel.Product, new() { ["name"] = "新产品" }, new SourceLocation("t", 1))));
        await store.WriteAsync(plan);
        var editor = new SnapshotEditor(snapshot);
        editor.Apply(plan);
        var patched = editor.Build(await store.GetChangeStampAsync());
        await RenameUnstampedAsync(store, "new", "不该看到");

        await store.KeepSnapshotAsync(patched);

        SnapshotAssert.Identical(patched, await store.LoadSnapshotAsync());
    }

    [Fact]
    public async Task KeepSnapshot_OfAnOlderSnapshot_KeepsNothing()
    {
        await using var store = await StoreWithEveryColumnAndTypeAsync();
        var old = await store.LoadSnapshotAsync();
        File.Delete(store.ImagePath);
        await ImportAsync(store, Batch(b => b.AddNode("new", NodeLabel.Product, new() { ["name"] = "新产品" }, new SourceLocation("t", 1))));

        await store.KeepSnapshotAsync(old);

        Assert.False(File.Exists(store.ImagePath));
    }

    static GraphBatch Batch(Action<GraphBatch> write)
    {
        var batch = new GraphBatch();
        write(batch);
        return batch;
    }
}
