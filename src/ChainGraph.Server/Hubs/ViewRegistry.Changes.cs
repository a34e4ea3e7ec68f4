using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Hubs;

/// <summary>Keeping every open view live: after each committed write, its patch.</summary>
public sealed partial class ViewRegistry
{
    readonly Lock refreshGate = new();
    // The writes not yet taken in by the views (merged, with the snapshot holding them all), and whether a refresh runs.
    ChangeSet? pendingChanges;
    GraphSnapshot? pendingSnapshot;
    bool refreshing;

    /// <summary>
    /// Queues the write for the views and returns at once: a refresh asks the analyses again, and they wait for the
    /// snapshot to take in any later write, which the caller (the snapshot's loop) does only once this returns.
    /// One refresh at a time, with the writes that came meanwhile merged, so views take writes in their order.
    /// </summary>
    Task OnChangedAsync(ChangeSet changes, GraphSnapshot snapshot)
    {
        lock (refreshGate)
        {
            pendingChanges = pendingChanges is null ? changes : pendingChanges.Then(changes);
            pendingSnapshot = snapshot;
            if (refreshing) return Task.CompletedTask;
            refreshing = true;
        }
        _ = Task.Run(RefreshPendingAsync);
        return Task.CompletedTask;
    }

    async Task RefreshPendingAsync()
    {
        while (true)
        {
            ChangeSet changes;
            GraphSnapshot snapshot;
            lock (refreshGate)
            {
                if (pendingChanges is null)
                {
                    refreshing = false;
                    return;
                }
                (changes, snapshot, pendingChanges, pendingSnapshot) = (pendingChanges, pendingSnapshot!, null, null);
            }
            try
            {
                await Task.WhenAll(views.Values.Select(e => RefreshAsync(e.View, changes, snapshot)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A view that cannot follow must not stop the others following the next write.
                logger.LogError(e, "Open views could not all be brought up to a write");
            }
        }
    }

    async Task RefreshAsync(ViewState view, ChangeSet changes, GraphSnapshot snapshot)
    {
        var patch = await UpdateAsync(view, changes, snapshot);
        if (patch.IsEmpty) return;
        metrics.PatchesPushed.Add(1);
        await SendAsync(view, (clients, language) => clients.ViewPatched(patch.In(language)));
    }

    /// <summary>
    /// Brings a view just registered up to the writes committed while it was built on <paramref name="builtOn"/>, which the
    /// change notifications, sent before it was registered, did not reach; true when there were any.
    /// </summary>
    public async Task<bool> CatchUpAsync(ViewState view, GraphSnapshot builtOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(builtOn);
        var current = await graph.GetSnapshotAsync(cancellationToken);
        if (current == builtOn) return false;
        await UpdateAsync(view, ChangeSet.Between(builtOn, current), current);
        return true;
    }

    /// <summary>
    /// What a write changed in one view: its analysis, asked again off the view's lock (views asking one question share
    /// one cached answer), then its elements and, when the report changed, the report and what the view draws from it.
    /// </summary>
    async Task<ViewPatch> UpdateAsync(ViewState view, ChangeSet changes, GraphSnapshot snapshot)
    {
        ViewAnswer? answer = null;
        try
        {
            answer = await analyses.RunAsync(view.Request, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidRequestException or NotFoundException)
        {
            // The write took away what the view asks about: it keeps the report it shows.
        }
        ViewPatch patch;
        lock (view.Gate)
        {
            patch = ViewBuilder.Apply(snapshot, view, changes);
            if (answer is not null && view.TakeAnalysis(answer.Analysis, answer.Version))
            {
                patch = patch with { Analysis = answer.Analysis };
                if (answer.Result is ChainGapReport gaps) patch = Merged(patch, ViewBuilder.FollowGaps(answer.Snapshot, view, gaps));
            }
        }
        return patch;
    }

    /// <summary>One patch of two steps: the later one's version of an element updated by both wins.</summary>
    static ViewPatch Merged(ViewPatch first, ViewPatch then)
    {
        var updated = then.Updated.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return first with
        {
            Added = [.. first.Added, .. then.Added],
            Removed = [.. first.Removed, .. then.Removed],
            Updated = [.. first.Updated.Where(e => !updated.Contains(e.Id)), .. then.Updated],
        };
    }
}
