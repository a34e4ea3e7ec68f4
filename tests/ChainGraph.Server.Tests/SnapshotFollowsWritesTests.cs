using System.Diagnostics.Metrics;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainGraph.Server.Tests;

/// <summary>
/// A write returns once committed; the snapshot follows in the background, patched with this
/// service's writes, reloaded once for every write committed meanwhile when another process wrote
/// too, and no reader ever sees a snapshot older than what was committed.
/// </summary>
public sealed class SnapshotFollowsWritesTests : IAsyncLifetime
{
    readonly TempDirectory folder = new();
    GatedStore store = null!;
    GraphService graph = null!;
    ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var sqlite = new SqliteGraphStore(folder.File("graph.db"));
        await sqlite.InitializeAsync();
        store = new GatedStore(sqlite);
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        graph = new GraphService(store, NullLogger<GraphService>.Instance, new ChainGraphMetrics(services.GetRequiredService<IMeterFactory>()));
        await graph.GetSnapshotAsync();
    }

    public async Task DisposeAsync()
    {
        store.Open();
        await store.DisposeAsync();
        await services.DisposeAsync();
        folder.Dispose();
    }

    /// <summary>A write by another process: the next write of the service finds the stamp moved by two, so its snapshot reloads.</summary>
    async Task WriteElsewhereAsync(string id)
    {
        await using var other = new SqliteGraphStore(folder.File("graph.db"));
        await new GraphImporter(other).ImportAsync(Product(id));
    }

    static GraphBatch Product(string id)
    {
        var batch = new GraphBatch();
        batch.AddNode(id, NodeLabel.Product, new Dictionary<string, object> { ["name"] = id }, new SourceLocation("test", 1));
        return batch;
    }

    [Fact]
    public async Task OwnWrites_ArePatchedIntoTheSnapshot_WithoutReadingTheStore()
    {
        var loads = graph.SnapshotLoads;
        var batch = Product("p:new");
        batch.AddNode("e:maker", NodeLabel.Enterprise, new() { ["name"] = "制造商", ["province"] = "江苏省", ["city"] = "常州市" }, new SourceLocation("test", 2));
        batch.AddRelationship(RelType.Makes, new("e:maker"), new("p:new"), new() { ["volume"] = 3.0 }, new SourceLocation("test", 3));
        await graph.WriteAsync(batch);
        await graph.WriteAsync(Product("p:other"));
        await graph.DeleteRelationshipAsync(new RelationshipKey(RelType.Makes, "e:maker", "p:new"));
        await graph.DeleteNodeAsync("p:new");

        var snapshot = await graph.GetSnapshotAsync();

        Assert.Equal(loads, graph.SnapshotLoads);
        Assert.InRange(graph.SnapshotPatches, 1, 4);
        SnapshotAssert.Equal(await store.LoadSnapshotAsync(), snapshot);
        Assert.Equal(await store.GetChangeStampAsync(), snapshot.ChangeStamp);
    }

    [Fact]
    public async Task Dispose_AfterOwnWrites_KeepsThePatchedSnapshotForTheNextStart()
    {
        await graph.WriteAsync(Product("p:patched"));
        var patched = await graph.GetSnapshotAsync();
        Assert.Equal(1, graph.SnapshotLoads);

        await graph.DisposeAsync();

        var sqlite = new SqliteGraphStore(folder.File("graph.db"));
        SnapshotAssert.Identical(patched, (await SnapshotImage.ReadAsync(sqlite.ImagePath, await sqlite.GetChangeStampAsync()))!);
    }

    [Fact]
    public async Task AWriteByAnotherProcess_BeforeAnOwnWrite_ReachesTheSnapshotWithIt()
    {
        await WriteElsewhereAsync("p:elsewhere");

        await graph.WriteAsync(Product("p:own"));

        var snapshot = await graph.GetSnapshotAsync();
        Assert.True(snapshot.TryGetIndex("p:elsewhere", out _));
        Assert.True(snapshot.TryGetIndex("p:own", out _));
        SnapshotAssert.Identical(await store.LoadSnapshotAsync(), snapshot);
    }

    [Fact]
    public async Task AWrite_ReturnsOnceCommitted_AndReadersWaitForTheSnapshotThatHoldsIt()
    {
        await WriteElsewhereAsync("p:elsewhere");
        store.Close();

        await graph.WriteAsync(Product("p:committed"));
        var reading = graph.GetSnapshotAsync();
        Assert.False(reading.IsCompleted); // the reload waits at the closed gate

        store.Open();

        Assert.True((await reading).TryGetIndex("p:committed", out _));
    }

    [Fact]
    public async Task WritesCommittedDuringAReload_ShareTheNextReload_AndOneNotice()
    {
        var notices = new List<ChangeSet>();
        graph.Changed += (changes, _) =>
        {
            lock (notices) notices.Add(changes);
            return Task.CompletedTask;
        };
        var before = graph.SnapshotLoads;
        await WriteElsewhereAsync("p:elsewhere");
        store.Close();

        for (var i = 0; i < 20; i++) await graph.WriteAsync(Product($"p:burst-{i}"));
        store.Open();
        var snapshot = await graph.GetSnapshotAsync();

        Assert.All(Enumerable.Range(0, 20), i => Assert.True(snapshot.TryGetIndex($"p:burst-{i}", out _)));
        Assert.InRange(graph.SnapshotLoads - before, 1, 2);
        lock (notices)
        {
            Assert.InRange(notices.Count, 1, 2);
            Assert.Equal(20, notices.SelectMany(n => n.UpsertedNodes).Distinct().Count());
        }
    }

    [Fact]
    public async Task AReloadThatFails_AnswersTheReaderWithTheStoreError_AndTheNextReadTriesAgain()
    {
        await WriteElsewhereAsync("p:elsewhere");
        store.Close();
        await graph.WriteAsync(Product("p:after-outage"));
        var during = graph.GetSnapshotAsync();
        store.FailNext = true;
        store.Open();

        await Assert.ThrowsAsync<GraphStoreException>(() => during);

        Assert.True((await graph.GetSnapshotAsync()).TryGetIndex("p:after-outage", out _));
    }

    [Fact]
    public void ChangesInSequence_MergeAsTheLaterOneLeavesThem()
    {
        HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.Ordinal);
        var first = new ChangeSet(Ids("a", "b"), Ids("c"), ChangeSet.NoRelationships, ChangeSet.NoRelationships);
        var then = new ChangeSet(Ids("c"), Ids("a"), ChangeSet.NoRelationships, ChangeSet.NoRelationships);

        var merged = first.Then(then);

        Assert.Equal(["b", "c"], merged.UpsertedNodes.Order());
        Assert.Equal(["a"], merged.DeletedNodes.Order());
    }

    /// <summary>The embedded store, with a gate on snapshot loads (closed: they wait) and a one-off failure.</summary>
    sealed class GatedStore(SqliteGraphStore inner) : IGraphStore
    {
        volatile TaskCompletionSource gate = Opened();

        public bool FailNext { get; set; }

        public void Close() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => gate.TrySetResult();

        static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        public async Task<GraphSnapshot> LoadSnapshotAsync(CancellationToken cancellationToken = default)
        {
            await gate.Task.WaitAsync(cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                throw new GraphStoreException("The store is down for a moment.", "TEST_OUTAGE", isTransient: true);
            }
            return await inner.LoadSnapshotAsync(cancellationToken);
        }

        public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);
        public Task<IReadOnlyDictionary<string, NodeLabel>> GetLabelsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => inner.GetLabelsAsync(ids, cancellationToken);
        public Task WriteAsync(ImportPlan plan, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default) => inner.WriteAsync(plan, progress, cancellationToken);
        public Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken = default) => inner.DeleteNodeAsync(id, cancellationToken);
        public Task<bool> DeleteRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default) => inner.DeleteRelationshipAsync(key, cancellationToken);
        public Task<GraphNode?> GetNodeAsync(string id, CancellationToken cancellationToken = default) => inner.GetNodeAsync(id, cancellationToken);
        public Task<IReadOnlyList<GraphNode>> GetNodesAsync(NodeLabel label, int skip, int limit, CancellationToken cancellationToken = default) => inner.GetNodesAsync(label, skip, limit, cancellationToken);
        public Task<NeighbourPage> GetNeighboursAsync(string id, NeighbourQuery query, CancellationToken cancellationToken = default) => inner.GetNeighboursAsync(id, query, cancellationToken);
        public Task<IReadOnlyList<GraphNode>> SearchAsync(string text, NodeLabel? label, int limit, CancellationToken cancellationToken = default) => inner.SearchAsync(text, label, limit, cancellationToken);
        public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);
        public Task<long?> GetChangeStampAsync(CancellationToken cancellationToken = default) => inner.GetChangeStampAsync(cancellationToken);

        public Task KeepSnapshotAsync(GraphSnapshot snapshot, CancellationToken cancellationToken = default) => inner.KeepSnapshotAsync(snapshot, cancellationToken);
        public IAsyncEnumerable<GraphNode> ReadNodesAsync(CancellationToken cancellationToken = default) => inner.ReadNodesAsync(cancellationToken);
        public IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(CancellationToken cancellationToken = default) => inner.ReadRelationshipsAsync(cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
