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
/// The service's one way to the graph: reads go to the store or to the in-memory snapshot, every
/// write goes through the importer (the same rules as <c>chaingraph import</c>). A write returns
/// once committed; the snapshot follows in the background: the writes committed meanwhile are
/// applied to it (<see cref="SnapshotEditor"/>, in time proportional to what they touch), and it is
/// reloaded only when another process wrote to the store. Then <see cref="Changed"/> tells the open
/// views. Analyses wait for the snapshot to hold every committed write, so a client always reads what it wrote.
/// </summary>
public sealed class GraphService(IGraphStore store, ILogger<GraphService> logger, ChainGraphMetrics metrics) : IAsyncDisposable
{
    /// <summary>Analysis results kept at most, of the current snapshot: enough for every view and table in use, bounded however many distinct parameters arrive.</summary>
    public const int CachedResults = 256;

    readonly SemaphoreSlim writeGate = new(1, 1);
    readonly AnalysisCache results = new(CachedResults);
    readonly Lock pendingGate = new();
    ChangeSet? pending;
    List<PendingEdit> edits = [];
    long? knownStamp;
    bool refreshing;
    bool writtenElsewhere;
    TaskCompletionSource loaded = NewSignal();
    long committed;
    long loads;
    long patches;
    volatile VersionedSnapshot? current;
    // The last snapshot read from the store, which the store keeps already.
    GraphSnapshot? loadedSnapshot;

    public IGraphStore Store { get; } = store;

    /// <summary>Raised after the snapshot took in one or more committed writes, with what they touched.</summary>
    public event Func<ChangeSet, GraphSnapshot, Task>? Changed;

    /// <summary>Analysis results held now (at most <see cref="CachedResults"/>).</summary>
    public int CachedCount => results.Count;

    /// <summary>The snapshot holding every write committed so far.</summary>
    public async Task<GraphSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => (await CurrentAsync(cancellationToken)).Snapshot;

    async Task<VersionedSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        // The writes committed before this read, not those that arrive while it waits.
        var target = Interlocked.Read(ref committed);
        while (true)
        {
            Task signal;
            lock (pendingGate)
            {
                if (current is { } loadedNow && loadedNow.Version >= target) return loadedNow;
                signal = loaded.Task;
                // The first load, and a reload that failed (the store was down), start with the reader who needs them.
                StartRefreshing();
            }
            await signal.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Loads the snapshot before the first request needs it, in the background.</summary>
    public void StartLoading() => _ = Task.Run(async () =>
    {
        try
        {
            await GetSnapshotAsync();
        }
        catch (Exception e) when (e is GraphStoreException or OperationCanceledException)
        {
            logger.LogWarning("The snapshot could not be loaded at start ({Reason}); the first request tries again.", e.Message);
        }
    });

    /// <summary>How often the store is asked whether another process wrote to it.</summary>
    /// <value>1 s</value>
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Watches the store for writes made past this service (a <c>chaingraph import</c> into the file it
    /// serves) until <paramref name="stopping"/> fires; such a write reaches the analyses as any other.
    /// Stops at once for a store that keeps no change stamp.
    /// </summary>
    public void StartWatching(CancellationToken stopping) => _ = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(ChangeCheckInterval);
        var unreachable = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                if (current is null) continue;
                long? stamp;
                // Under the write gate, every write of this service is either not begun or already counted in knownStamp.
                await writeGate.WaitAsync(stopping);
                try
                {
                    stamp = await Store.GetChangeStampAsync(stopping);
                }
                catch (GraphStoreException e)
                {
                    // Once per outage, not once a second.
                    if (!unreachable) logger.LogWarning("Could not ask the store for changes: {Reason}", e.Message);
                    unreachable = true;
                    continue;
                }
                finally
                {
                    writeGate.Release();
                }
                if (unreachable) logger.LogInformation("The store answers again");
                unreachable = false;
                if (stamp is null) return;
                lock (pendingGate)
                {
                    if (stamp == knownStamp) continue;
                    knownStamp = stamp;
                    writtenElsewhere = true;
                    Interlocked.Increment(ref committed);
                    StartRefreshing();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }, CancellationToken.None);

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

    /// <summary>An answer serialised once per snapshot version, query and settings (its language): repeated requests cost a lookup, not a serialisation.</summary>
    public async Task<Answer<byte[]>> RunJsonAsync<T>(IQuery<T> query, JsonSerializerOptions options, CancellationToken cancellationToken = default) where T : class
    {
        var answer = await RunAsync(query, cancellationToken);
        var json = await results.GetOrRunAsync((answer.Version, query, options), _ => JsonSerializer.SerializeToUtf8Bytes(answer.Result, options),
            AnalysisBudget, cancellationToken);
        return new Answer<byte[]>(json, answer.Snapshot, answer.Version);
    }

    /// <summary>
    /// Why the last write failed for want of disk space, until a write succeeds again: health reports it.
    /// </summary>
    public string? StorageFull { get; private set; }

    /// <summary>Applies a batch atomically (writes are serialised) and returns once it is committed.</summary>
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
            await CommittedAsync(new ChangeSet(plan.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal),
                ChangeSet.NoNodes, plan.Relationships.Select(r => r.Key).ToHashSet(), ChangeSet.NoRelationships), editor => editor.Apply(plan));
            metrics.Writes.Record(clock.Elapsed.TotalMilliseconds);
            metrics.WrittenRows.Add(plan.Nodes.Count + plan.Relationships.Count);
            logger.LogInformation("Wrote {Nodes} nodes and {Relationships} relationships ({Rejected} rejected) in {Milliseconds:0} ms",
                plan.Nodes.Count, plan.Relationships.Count, plan.Rejected.Count, clock.Elapsed.TotalMilliseconds);
            return ImportSummary.From(plan, clock.Elapsed);
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
            await CommittedAsync(new ChangeSet(ChangeSet.NoNodes, new HashSet<string>([id], StringComparer.Ordinal), ChangeSet.NoRelationships, touching),
                editor => editor.RemoveNode(id));
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
            await CommittedAsync(new ChangeSet(ChangeSet.NoNodes, ChangeSet.NoNodes, ChangeSet.NoRelationships, new HashSet<RelationshipKey> { key }),
                editor => editor.RemoveRelationship(key));
            return true;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Counts a committed write and has the snapshot take it in, with whatever else is pending; called
    /// under the write gate, so the store's stamp is still the one this write left.
    /// </summary>
    async Task CommittedAsync(ChangeSet changes, Action<SnapshotEditor> apply)
    {
        long? stamp;
        try
        {
            stamp = await Store.GetChangeStampAsync(CancellationToken.None);
        }
        catch (GraphStoreException e)
        {
            // Without the stamp the write cannot be told from another's: the snapshot reloads.
            logger.LogWarning("Could not read the change stamp after a write: {Reason}", e.Message);
            stamp = null;
        }
        lock (pendingGate)
        {
            Interlocked.Increment(ref committed);
            pending = pending is null ? changes : pending.Then(changes);
            edits.Add(new PendingEdit(apply, stamp));
            knownStamp = stamp;
            StartRefreshing();
        }
    }

    /// <summary>Starts the reload loop unless it runs; called under <see cref="pendingGate"/>.</summary>
    void StartRefreshing()
    {
        if (refreshing) return;
        refreshing = true;
        _ = Task.Run(RefreshAsync, CancellationToken.None);
    }

    /// <summary>Patches or reloads the snapshot until it holds every committed write, then tells the listeners what changed.</summary>
    async Task RefreshAsync()
    {
        while (true)
        {
            ChangeSet? changes;
            List<PendingEdit> written;
            long version;
            bool elsewhere;
            lock (pendingGate)
            {
                version = Interlocked.Read(ref committed);
                (changes, pending) = (pending, null);
                (written, edits) = (edits, []);
                (elsewhere, writtenElsewhere) = (writtenElsewhere, false);
                if (current is { } now && now.Version >= version && changes is null && !elsewhere)
                {
                    refreshing = false;
                    return;
                }
            }
            var before = current?.Snapshot;
            GraphSnapshot fresh;
            try
            {
                fresh = before is not null && !elsewhere && Patch(before, written) is { } patched ? patched : await LoadAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "The snapshot could not be loaded");
                lock (pendingGate)
                {
                    pending = changes is null ? pending : pending is null ? changes : changes.Then(pending);
                    // The next attempt reloads: it sees these writes whatever the snapshot then is.
                    writtenElsewhere = true;
                    refreshing = false;
                    Interlocked.Exchange(ref loaded, NewSignal()).TrySetException(e);
                }
                return;
            }
            Publish(new VersionedSnapshot(fresh, version));
            if (elsewhere && before is not null) changes = changes is null ? ChangeSet.Between(before, fresh) : changes.Then(ChangeSet.Between(before, fresh));
            if (changes is not null) await NotifyAsync(changes, fresh);
        }
    }

    /// <summary>
    /// The snapshot with this service's writes applied, or null when only a reload can be right: a
    /// stamp that is not one past the one before means another process wrote in between.
    /// </summary>
    GraphSnapshot? Patch(GraphSnapshot snapshot, List<PendingEdit> written)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var editor = new SnapshotEditor(snapshot);
        var stamp = snapshot.ChangeStamp;
        foreach (var edit in written)
        {
            if (stamp is { } known)
            {
                // A write committed while the snapshot was being loaded is in it already.
                if (edit.Stamp <= known) continue;
                if (edit.Stamp != known + 1) return null;
            }
            try
            {
                edit.Apply(editor);
            }
            catch (InvalidOperationException e)
            {
                logger.LogError(e, "A write could not be applied to the snapshot; it is reloaded instead");
                return null;
            }
            stamp = edit.Stamp;
        }
        var next = editor.Build(stamp);
        Interlocked.Increment(ref patches);
        metrics.SnapshotPatches.Record(clock.Elapsed.TotalMilliseconds);
        return next;
    }

    /// <summary>How many times the snapshot was loaded from the store: at start, and after writes by another process.</summary>
    public long SnapshotLoads => Interlocked.Read(ref loads);

    /// <summary>How many times the snapshot was patched with this service's own writes: once per burst.</summary>
    public long SnapshotPatches => Interlocked.Read(ref patches);

    async Task<GraphSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = loadedSnapshot = await Store.LoadSnapshotAsync(cancellationToken);
        Interlocked.Increment(ref loads);
        metrics.SnapshotLoads.Record(clock.Elapsed.TotalMilliseconds);
        return snapshot;
    }

    void Publish(VersionedSnapshot snapshot)
    {
        lock (pendingGate)
        {
            if (current is { } now && now.Version > snapshot.Version) return;
            // A load sees every write before it; one that came while it ran set knownStamp itself.
            if (snapshot.Version == Interlocked.Read(ref committed) && !writtenElsewhere) knownStamp = snapshot.Snapshot.ChangeStamp;
            current = snapshot;
            results.Clear();
            Interlocked.Exchange(ref loaded, NewSignal()).TrySetResult();
        }
    }

    async Task NotifyAsync(ChangeSet changes, GraphSnapshot fresh)
    {
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

    /// <summary>At shutdown, keeps a snapshot that took in writes since it was loaded, so the next start need not rebuild it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (current is not { } last || last.Snapshot == loadedSnapshot) return;
        try
        {
            await Store.KeepSnapshotAsync(last.Snapshot);
        }
        catch (GraphStoreException e)
        {
            logger.LogWarning("The snapshot could not be kept for the next start: {Reason}", e.Message);
        }
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
public sealed record Answer<T>(T Result, GraphSnapshot Snapshot, long Version)
{
    /// <summary>The response header that tells which snapshot version an analysis was computed on.</summary>
    public const string VersionHeader = "X-Graph-Version";

    /// <summary>The result, with <see cref="VersionHeader"/> set on the response that carries it.</summary>
    public T For(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers[VersionHeader] = Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Result;
    }
}

/// <summary>A snapshot and its version: how many writes this service had committed when it was loaded.</summary>
internal sealed record VersionedSnapshot(GraphSnapshot Snapshot, long Version);

/// <summary>A committed write, as the snapshot takes it in, and the store's change stamp after it (null when unknown).</summary>
internal sealed record PendingEdit(Action<SnapshotEditor> Apply, long? Stamp);

/// <summary>What one write touched: nodes and relationships written (created or updated) and deleted.</summary>
public sealed record ChangeSet(
    IReadOnlySet<string> UpsertedNodes,
    IReadOnlySet<string> DeletedNodes,
    IReadOnlySet<RelationshipKey> UpsertedRelationships,
    IReadOnlySet<RelationshipKey> DeletedRelationships)
{
    public static readonly IReadOnlySet<string> NoNodes = new HashSet<string>();

    public static readonly IReadOnlySet<RelationshipKey> NoRelationships = new HashSet<RelationshipKey>();

    /// <summary>
    /// The nodes a write made elsewhere touched, told apart by comparing two snapshots: those that are
    /// new or differ in name, label or place, and those gone. O(V); relationships are not compared.
    /// </summary>
    public static ChangeSet Between(GraphSnapshot before, GraphSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var upserted = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < after.NodeCount; v++)
        {
            if (!before.TryGetIndex(after.Ids[v], out var old) || before.Labels[old] != after.Labels[v] || before.Names[old] != after.Names[v]
                || before.Provinces[old] != after.Provinces[v] || before.Cities[old] != after.Cities[v])
                upserted.Add(after.Ids[v]);
        }
        var deleted = before.Ids.Where(id => !after.TryGetIndex(id, out _)).ToHashSet(StringComparer.Ordinal);
        return new ChangeSet(upserted, deleted, NoRelationships, NoRelationships);
    }

    /// <summary>
    /// This change followed by <paramref name="next"/>, as one: what the later one deletes is no
    /// longer upserted, and what it upserts no longer deleted.
    /// </summary>
    public ChangeSet Then(ChangeSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(Merge(UpsertedNodes, next.DeletedNodes, next.UpsertedNodes), Merge(DeletedNodes, next.UpsertedNodes, next.DeletedNodes),
            Merge(UpsertedRelationships, next.DeletedRelationships, next.UpsertedRelationships),
            Merge(DeletedRelationships, next.UpsertedRelationships, next.DeletedRelationships));
    }

    static HashSet<T> Merge<T>(IReadOnlySet<T> earlier, IReadOnlySet<T> undone, IReadOnlySet<T> later)
    {
        var merged = new HashSet<T>(earlier.Where(e => !undone.Contains(e)), (earlier as HashSet<T>)?.Comparer);
        merged.UnionWith(later);
        return merged;
    }
}
