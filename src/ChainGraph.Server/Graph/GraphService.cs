using System.Collections.Concurrent;
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
    readonly SemaphoreSlim writeGate = new(1, 1);
    readonly SemaphoreSlim loadGate = new(1, 1);
    readonly ConcurrentDictionary<string, Lazy<object>> results = new(StringComparer.Ordinal);
    volatile GraphSnapshot? snapshot;

    public IGraphStore Store { get; } = store;

    /// <summary>Raised after every committed write, with what it touched.</summary>
    public event Func<ChangeSet, GraphSnapshot, Task>? Changed;

    public async Task<GraphSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (snapshot is { } current) return current;
        await loadGate.WaitAsync(cancellationToken);
        try
        {
            return snapshot ??= await Store.LoadSnapshotAsync(cancellationToken);
        }
        finally
        {
            loadGate.Release();
        }
    }

    /// <summary>How long one analysis may run before it is stopped and answered with an error.</summary>
    /// <value>30 s</value>
    public TimeSpan AnalysisBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An analysis result computed once per snapshot and key.</summary>
    public Task<T> CachedAsync<T>(string key, Func<GraphSnapshot, T> compute, CancellationToken cancellationToken = default)
        where T : class => CachedAsync(key, (snapshot, _) => compute(snapshot), cancellationToken);

    /// <summary>
    /// An analysis result computed once per snapshot and key, within <see cref="AnalysisBudget"/>:
    /// <paramref name="compute"/> gets a token that fires when the budget is spent. A failure is
    /// not cached, so the next request tries again.
    /// </summary>
    /// <exception cref="InvalidRequestException">The analysis ran past its budget.</exception>
    public async Task<T> CachedAsync<T>(string key, Func<GraphSnapshot, CancellationToken, T> compute, CancellationToken cancellationToken = default)
        where T : class
    {
        var current = await GetSnapshotAsync(cancellationToken);
        var cacheKey = $"{typeof(T).Name}|{key}";
        var entry = results.GetOrAdd(cacheKey, _ => new Lazy<object>(() =>
        {
            using var budget = new CancellationTokenSource(AnalysisBudget);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var result = compute(current, budget.Token);
                metrics.Analyses.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("kind", typeof(T).Name));
                return result;
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                throw new InvalidRequestException("request", null,
                    $"the analysis ran past its budget of {AnalysisBudget.TotalSeconds:0} s and was stopped; ask for less (fewer samples, a chain, a smaller top).");
            }
        }));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            results.TryRemove(new KeyValuePair<string, Lazy<object>>(cacheKey, entry));
            throw;
        }
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
        snapshot = fresh;
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
