using System.Text.Json;
using ChainGraph.Application;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;

namespace ChainGraph.Server.Graph;

/// <summary>
/// The service's one way to the graph: reads go to the store or to the current in-memory
/// snapshot, every write goes through the importer (the same rules as <c>chaingraph import</c>),
/// after which the snapshot is rebuilt and <see cref="Changed"/> tells the open views.
/// Analysis results are cached per snapshot, so repeated requests cost a lookup.
/// </summary>
public sealed class GraphService(IGraphStore store, ILogger<GraphService> logger, ChainGraphMetrics metrics)
{
    /// <summary>Analysis results kept at most, of the current snapshot: enough for every view and table in use, bounded however many distinct parameters arrive.</summary>
    public const int CachedResults = 256;

    readonly SemaphoreSlim writeGate = new(1, 1);
    readonly SemaphoreSlim loadGate = new(1, 1);
    readonly AnalysisCache results = new(CachedResults);
    volatile VersionedSnapshot? current;

    public IGraphStore Store { get; } = store;

    /// <summary>Raised after every committed write, with what it touched.</summary>
    public event Func<ChangeSet, GraphSnapshot, Task>? Changed;

    /// <summary>Analysis results held now (at most <see cref="CachedResults"/>).</summary>
    public int CachedCount => results.Count;

    public async Task<GraphSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => (await CurrentAsync(cancellationToken)).Snapshot;

    async Task<VersionedSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is { } loaded) return loaded;
        await loadGate.WaitAsync(cancellationToken);
        try
        {
            return current ??= new VersionedSnapshot(await Store.LoadSnapshotAsync(cancellationToken), 1);
        }
        finally
        {
            loadGate.Release();
        }
    }

    /// <summary>How long one analysis may run before it is stopped and answered with an error.</summary>
    /// <value>30 s</value>
    public TimeSpan AnalysisBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The query's answer on the current snapshot, computed once per snapshot version and query (a
    /// query is its own cache key), within <see cref="AnalysisBudget"/>, and stopped when every
    /// caller asking for it has gone.
    /// </summary>
    /// <exception cref="InvalidRequestException">The query is invalid, or ran past its budget.</exception>
    public async Task<Answer<T>> RunAsync<T>(IQuery<T> query, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var (snapshot, version) = await CurrentAsync(cancellationToken);
        var result = await results.GetOrRunAsync((version, query), budget =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var answer = query.Run(snapshot, budget);
            metrics.Analyses.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("kind", typeof(T).Name));
            return answer;
        }, AnalysisBudget, cancellationToken);
        return new Answer<T>(result, snapshot, version);
    }

    /// <summary>An answer serialised once per snapshot version and query: repeated requests cost a lookup, not a serialisation.</summary>
    public async Task<byte[]> RunJsonAsync<T>(IQuery<T> query, JsonSerializerOptions options, CancellationToken cancellationToken = default) where T : class
    {
        var answer = await RunAsync(query, cancellationToken);
        return await results.GetOrRunAsync((answer.Version, query, typeof(byte[])), _ => JsonSerializer.SerializeToUtf8Bytes(answer.Result, options),
            AnalysisBudget, cancellationToken);
    }

    /// <summary>
    /// Why the last write failed for want of disk space, until a write succeeds again: health reports it.
    /// </summary>
    public string? StorageFull { get; private set; }

    /// <summary>Applies a batch atomically (writes are serialised), then refreshes the snapshot and notifies views.</summary>
    /// <param name="maxRejectRatio">See <see cref="ImportPlan.CheckRejectRatio"/>.</param>
    public async Task<ImportSummary> WriteAsync(GraphBatch batch, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default,
        double maxRejectRatio = 1)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var plan = await new GraphImporter(Store).PlanAsync(batch, cancellationToken);
            plan.CheckRejectRatio(maxRejectRatio);
            try
            {
                await Store.WriteAsync(plan, progress, cancellationToken);
                StorageFull = null;
            }
            catch (GraphStoreException e) when (e.Code == GraphStoreException.StorageFull)
            {
                StorageFull = e.Message;
                throw;
            }
            var summary = ImportSummary.From(plan, clock.Elapsed);
            await RefreshAsync(new ChangeSet(plan.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal),
                ChangeSet.NoNodes, plan.Relationships.Select(r => r.Key).ToHashSet(), ChangeSet.NoRelationships), cancellationToken);
            metrics.Writes.Record(clock.Elapsed.TotalMilliseconds);
            metrics.WrittenRows.Add(plan.Nodes.Count + plan.Relationships.Count);
            logger.LogInformation("Wrote {Nodes} nodes and {Relationships} relationships ({Rejected} rejected) in {Milliseconds:0} ms",
                plan.Nodes.Count, plan.Relationships.Count, plan.Rejected.Count, clock.Elapsed.TotalMilliseconds);
            return summary;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            var before = await GetSnapshotAsync(cancellationToken);
            var touching = before.TryGetIndex(id, out var node) ? Touching(before, node) : ChangeSet.NoRelationships;
            if (!await Store.DeleteNodeAsync(id, cancellationToken)) return false;
            await RefreshAsync(new ChangeSet(ChangeSet.NoNodes, new HashSet<string>([id], StringComparer.Ordinal), ChangeSet.NoRelationships, touching), cancellationToken);
            return true;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<bool> DeleteRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!await Store.DeleteRelationshipAsync(key, cancellationToken)) return false;
            await RefreshAsync(new ChangeSet(ChangeSet.NoNodes, ChangeSet.NoNodes, ChangeSet.NoRelationships, new HashSet<RelationshipKey> { key }), cancellationToken);
            return true;
        }
        finally
        {
            writeGate.Release();
        }
    }

    async Task RefreshAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var fresh = await Store.LoadSnapshotAsync(cancellationToken);
        current = new VersionedSnapshot(fresh, (current?.Version ?? 0) + 1);
        results.Clear();
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<ChangeSet, GraphSnapshot, Task>>())
        {
            try
            {
                await handler(changes, fresh);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing listener must not undo or fail a committed write.
                logger.LogError(e, "A change listener failed");
            }
        }
    }

    static IReadOnlySet<RelationshipKey> Touching(GraphSnapshot snapshot, int node)
    {
        var keys = new HashSet<RelationshipKey>();
        foreach (var type in GraphSchema.RelTypes)
        {
            foreach (var n in snapshot.Out(type).Neighbours(node)) keys.Add(new(type, snapshot.Ids[node], snapshot.Ids[n]));
            foreach (var n in snapshot.In(type).Neighbours(node)) keys.Add(new(type, snapshot.Ids[n], snapshot.Ids[node]));
        }
        return keys;
    }
}

/// <summary>A query's result and the snapshot, and its version, it was computed on.</summary>
public sealed record Answer<T>(T Result, GraphSnapshot Snapshot, long Version);

/// <summary>A snapshot and its version: 1 for the first one loaded, one more after each committed write.</summary>
internal sealed record VersionedSnapshot(GraphSnapshot Snapshot, long Version);

/// <summary>What one write touched: nodes and relationships written (created or updated) and deleted.</summary>
public sealed record ChangeSet(
    IReadOnlySet<string> UpsertedNodes,
    IReadOnlySet<string> DeletedNodes,
    IReadOnlySet<RelationshipKey> UpsertedRelationships,
    IReadOnlySet<RelationshipKey> DeletedRelationships)
{
    public static readonly IReadOnlySet<string> NoNodes = new HashSet<string>();

    public static readonly IReadOnlySet<RelationshipKey> NoRelationships = new HashSet<RelationshipKey>();
}
