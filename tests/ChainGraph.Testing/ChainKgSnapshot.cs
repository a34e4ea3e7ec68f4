using ChainGraph.Formats.Chains;
using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Testing;

/// <summary>The ChainKnowledgeGraph data as an in-memory snapshot, read once per test run (no store in between).</summary>
public static class ChainKgSnapshot
{
    static readonly Lazy<GraphSnapshot> Shared = new(() => Load(templatesFirst: null));
    static readonly Lazy<GraphSnapshot> SharedWithTemplates = new(() => Load(templatesFirst: false));

    public static GraphSnapshot Instance => Shared.Value;

    /// <summary>The data with the chain templates of graph/chains imported after it, as the README's import steps do.</summary>
    public static GraphSnapshot WithTemplates => SharedWithTemplates.Value;

    /// <summary>The data and the templates in one snapshot, the templates read first or last (null: no templates).</summary>
    public static GraphSnapshot Load(bool? templatesFirst)
    {
        var batch = new GraphBatch();
        var templates = Path.Combine(RepositoryFolder.Root, "graph", "chains");
        if (templatesFirst == true) new ChainTemplateReader().Read(templates, batch);
        new ChainKgReader().Read(SharedData.ChainKg ?? throw new InvalidOperationException(SharedData.MissingReason), batch);
        if (templatesFirst == false) new ChainTemplateReader().Read(templates, batch);
        return Build(batch.Resolve(new Dictionary<string, Model.NodeLabel>()));
    }

    /// <summary>A snapshot of an import plan, as a store would load it after writing the plan.</summary>
    public static GraphSnapshot Build(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new SnapshotBuilder();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in plan.Nodes)
            index[node.Id] = builder.AddNode(node.Id, node.Label, node.Name, node.GetString("province"), node.GetString("city"),
                node.GetString("country"), node.Properties.GetValueOrDefault("tags") as string[], node.GetString("stage"),
                node.Properties.GetValueOrDefault("order") is long order ? (int)order : 0,
                node.GetString("match"), node.GetString("sector"),
                node.Properties.GetValueOrDefault("capacity") switch { double c => c, long c => c, _ => double.NaN });
        foreach (var rel in plan.Relationships)
        {
            var weightKey = Model.GraphSchema.Spec(rel.Type).WeightProperty;
            var weight = weightKey is not null && rel.Properties.GetValueOrDefault(weightKey) is double w ? (float)w : float.NaN;
            builder.AddEdge(rel.Type, index[rel.StartId], index[rel.EndId], weight);
        }
        return builder.Build();
    }
}
