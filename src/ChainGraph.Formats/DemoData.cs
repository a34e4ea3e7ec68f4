using ChainGraph.Formats.Chains;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats;

/// <summary>The built-in demo: the chain templates of graph/chains and the graph of graph/demo, shipped beside the program.</summary>
public static class DemoData
{
    /// <summary>The graph/ folder copied next to the program at build time.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "graph");

    /// <summary>
    /// A node only the demo has (its national battery-materials cluster): a store that holds it holds
    /// the demo, so imported data and the demo's curated values are not mixed by accident.
    /// </summary>
    public const string MarkerId = "cluster:shenzhen-advanced-battery-materials";

    public static void Read(GraphBatch batch, string? graphFolder = null, CancellationToken cancellationToken = default)
    {
        var folder = graphFolder ?? DefaultFolder;
        new ChainTemplateReader().Read(Path.Combine(folder, "chains"), batch, cancellationToken);
        new JsonLinesReader().Read(Path.Combine(folder, "demo"), batch, cancellationToken);
    }
}
