using ChainGraph.Model.Requests;

namespace ChainGraph.Server.Graph;

/// <summary>
/// Analysis results, at most <paramref name="capacity"/> of them (the least recently used go first),
/// each computed once however many callers ask for it at the same time. A computation stops when
/// its budget is spent or when every caller waiting for it has gone; a failure is not kept. Budgets
/// run on <paramref name="timeProvider"/> (the system clock by default), so tests can spend one at once.
/// </summary>
public sealed class AnalysisCache(int capacity, TimeProvider? timeProvider = null)
{
    readonly TimeProvider time = timeProvider ?? TimeProvider.System;
    readonly Lock gate = new();
    readonly Dictionary<object, LinkedListNode<Entry>> entries = [];
    readonly LinkedList<Entry> recency = [];

    public int Count
    {
        get
        {
            lock (gate) return entries.Count;
        }
    }

    /// <summary>The result for <paramref name="key"/>, computed by <paramref name="compute"/> unless it is here or under way.</summary>
    /// <param name="budget">How long the computation may run: its token fires then.</param>
    /// <exception cref="InvalidRequestException">The computation ran past its budget.</exception>
    public async Task<T> GetOrRunAsync<T>(object key, Func<CancellationToken, T> compute, TimeSpan budget, CancellationToken cancellationToken)
        where T : class
    {
        Entry entry;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(key, token => compute(token), budget, time);
                entries[key] = recency.AddFirst(entry);
                while (entries.Count > capacity) Remove(recency.Last!.Value);
            }
            entry.Waiters++;
        }
        try
        {
            return (T)await entry.Result.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (entry.BudgetSpent)
        {
            throw new InvalidRequestException("request", null,
                $"the analysis ran past its budget of {budget.TotalSeconds:0} s and was stopped; ask for less (fewer samples, a chain, a smaller top).");
        }
        finally
        {
            lock (gate)
            {
                entry.Waiters--;
                // Nobody waits for it any more, or it failed: stop it and forget it.
                if ((entry.Waiters == 0 && !entry.Result.IsCompleted) || entry.Result.IsFaulted || entry.Result.IsCanceled) Remove(entry);
            }
        }
    }

    /// <summary>
    /// Forgets every result. A computation under way finishes for the callers waiting for it (their
    /// answer carries the version it was computed on), and is never handed to anyone else.
    /// </summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            recency.Clear();
        }
    }

    void Remove(Entry entry)
    {
        if (!entry.Result.IsCompleted && entry.Waiters == 0) entry.Stop();
        if (entries.TryGetValue(entry.Key, out var node) && node.Value == entry)
        {
            entries.Remove(entry.Key);
            recency.Remove(node);
        }
    }

    sealed class Entry
    {
        readonly CancellationTokenSource stopped = new();
        readonly CancellationTokenSource budget;

        public Entry(object key, Func<CancellationToken, object> compute, TimeSpan limit, TimeProvider time)
        {
            Key = key;
            budget = new CancellationTokenSource(limit, time);
            var either = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, stopped.Token);
            Result = Task.Run(() => compute(either.Token), either.Token);
            Result.ContinueWith(_ =>
            {
                either.Dispose();
                budget.Dispose();
            }, TaskScheduler.Default);
        }

        public object Key { get; }

        public Task<object> Result { get; }

        public int Waiters { get; set; }

        /// <summary>Whether the budget stopped it (not its callers leaving).</summary>
        public bool BudgetSpent => Result.IsCanceled && !stopped.IsCancellationRequested;

        public void Stop() => stopped.Cancel();
    }
}
