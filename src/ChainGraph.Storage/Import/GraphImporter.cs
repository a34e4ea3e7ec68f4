using System.Diagnostics;
using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Storage.Import;

/// <summary>Resolves a batch against the store and writes it atomically: the one path every import and edit takes.</summary>
public sealed class GraphImporter(IGraphStore store)
{
    public async Task<ImportSummary> ImportAsync(GraphBatch batch, IProgress<WriteProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var plan = await PlanAsync(batch, cancellationToken);
        await store.WriteAsync(plan, progress, cancellationToken);
        return ImportSummary.From(plan, clock.Elapsed);
    }

    /// <summary>What the batch would write against the store as it is now; nothing is written.</summary>
    public async Task<ImportPlan> PlanAsync(GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = await store.GetLabelsAsync(batch.ReferencedIds(), cancellationToken);
        return batch.Resolve(stored);
    }
}

/// <summary>
/// What an import wrote (distinct nodes per label, relationships per type), what it turned
/// away with file, line and reason, which nodes merged, and how long it took.
/// </summary>
public sealed record ImportSummary(
    IReadOnlyDictionary<string, int> Nodes,
    IReadOnlyDictionary<string, int> Relationships,
    IReadOnlyList<ImportRejection> Rejected,
    IReadOnlyList<ImportMerge> Merged,
    IReadOnlyDictionary<string, int> CreatedEndpoints,
    double Seconds)
{
    public static ImportSummary From(ImportPlan plan, TimeSpan elapsed) => new(
        plan.Nodes.GroupBy(n => n.Label).OrderBy(g => g.Key).ToDictionary(g => GraphSchema.Name(g.Key), g => g.Count()),
        plan.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key).ToDictionary(g => GraphSchema.Name(g.Key), g => g.Count()),
        plan.Rejected,
        plan.Merged,
        plan.CreatedEndpoints.OrderBy(p => p.Key).ToDictionary(p => GraphSchema.Name(p.Key), p => p.Value),
        Math.Round(elapsed.TotalSeconds, 3))
    {
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
}
