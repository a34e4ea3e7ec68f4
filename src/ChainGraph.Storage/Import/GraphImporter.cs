using System.Diagnostics;
using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Storage.Import;

/// <summary>Resolves a batch against the store and writes it atomically: the one path every import and edit takes.</summary>
public sealed class GraphImporter(IGraphStore store)
{
    const int NeighbourPage = 1_000;

    /// <summary>Plans and writes the batch in one transaction.</summary>
    /// <param name="maxRejectRatio">
    /// The share of rejected rows past which nothing is written: a file that is mostly not what its
    /// format says is refused whole (1 writes whatever was valid).
    /// </param>
    /// <exception cref="Model.Requests.InvalidRequestException">More rows were rejected than <paramref name="maxRejectRatio"/> allows.</exception>
    public async Task<ImportSummary> ImportAsync(GraphBatch batch, IProgress<WriteProgress>? progress = null,
        CancellationToken cancellationToken = default, double maxRejectRatio = 1)
    {
        var clock = Stopwatch.StartNew();
        var plan = await PlanAsync(batch, cancellationToken);
        plan.CheckRejectRatio(maxRejectRatio);
        await store.WriteAsync(plan, progress, cancellationToken);
        return ImportSummary.From(plan, clock.Elapsed);
    }

    /// <summary>What the batch would write (and remove) against the store as it is now; nothing is written.</summary>
    public async Task<ImportPlan> PlanAsync(GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = await store.GetLabelsAsync(batch.ReferencedIds(), cancellationToken);
        var plan = batch.Resolve(stored);
        return plan.ReplacedRelationships.Count == 0 ? plan : plan with { RemovedRelationships = await SupersededAsync(plan, cancellationToken) };
    }

    /// <summary>The stored relationships of each replaced node and type that the plan does not write again.</summary>
    async Task<List<RelationshipKey>> SupersededAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var written = plan.Relationships.Select(r => r.Key).ToHashSet();
        var superseded = new List<RelationshipKey>();
        foreach (var (startId, type) in plan.ReplacedRelationships)
        {
            for (var skip = 0; ; skip += NeighbourPage)
            {
                var page = await store.GetNeighboursAsync(startId, new NeighbourQuery(type, Direction.Outgoing, NeighbourPage, skip), cancellationToken);
                superseded.AddRange(page.Items.Select(n => n.Relationship.Key).Where(key => !written.Contains(key)));
                if (skip + NeighbourPage >= page.Total) break;
            }
        }
        return superseded;
    }
}

/// <summary>
/// What an import wrote (distinct nodes per label, relationships per type), what it turned
/// away with file, line and reason, which nodes merged, which rows conflicted with an earlier
/// one and were left out, and how long it took.
/// </summary>
public sealed record ImportSummary(
    IReadOnlyDictionary<string, int> Nodes,
    IReadOnlyDictionary<string, int> Relationships,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportMerge> Merged,
    IReadOnlyList<ImportConflict> Conflicts,
    IReadOnlyDictionary<string, int> CreatedEndpoints,
    double Seconds)
{
    public static ImportSummary From(ImportPlan plan, TimeSpan elapsed) => new(
        plan.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key).ToDictionary(g => GraphSchema.Name(g.Key), g => g.Count()),
        plan.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key).ToDictionary(g => GraphSchema.Name(g.Key), g => g.Count()),
        plan.Rejected,
        plan.Merged,
        plan.Conflicts,
        plan.CreatedEndpoints.OrderBy(p => p.Key).ToDictionary(p => GraphSchema.Name(p.Key), p => p.Value),
        Math.Round(elapsed.TotalSeconds, 3))
    {
        RejectedTotal = plan.Rejected.Count,
        MergedTotal = plan.Merged.Count,
        ConflictsTotal = plan.Conflicts.Count,
        NonProductLines = plan.Nodes.Where(n => n.Label == NodeLabel.Product)
            .Select(n => Model.Products.NonProductLines.Default.Classify(n.Properties.TryGetValue("name", out var name) && name is string text ? text : n.Id))
            .OfType<Model.Products.NonProductKind>().GroupBy(k => k).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count()),
    };

    /// <summary>
    /// Products of the import that are report lines, per kind (accounting, reporting, service, unit;
    /// graph/products/non-products.tsv): kept in the graph, left out of chokepoints, disruption and centrality.
    /// </summary>
    public IReadOnlyDictionary<string, int> NonProductLines { get; init; } = new Dictionary<string, int>();

    /// <summary>Every rejected row, also where <see cref="Rejected"/> lists only the first (<see cref="Listing"/>).</summary>
    public int RejectedTotal { get; init; }

    public int MergedTotal { get; init; }

    public int ConflictsTotal { get; init; }

    /// <summary>At most this many rejections, merges and conflicts are listed in an answer (<see cref="Listing"/>).</summary>
    public const int ListedRows = 100;

    /// <summary>
    /// The summary listing at most <see cref="ListedRows"/> rejections, merges and conflicts (the
    /// totals stay), so a file of junk lines cannot make the answer many times larger than the file.
    /// </summary>
    public ImportSummary Listing() => this with
    {
        Rejected = [.. Rejected.Take(ListedRows)],
        Merged = [.. Merged.Take(ListedRows)],
        Conflicts = [.. Conflicts.Take(ListedRows)],
    };
}
