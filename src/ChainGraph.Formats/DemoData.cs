using ChainGraph.Formats.Chains;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats;

/// <summary>The built-in demo: five chain templates of graph/chains and the graph of graph/demo, shipped beside the program.</summary>
public static class DemoData
{
    /// <summary>The graph/ folder copied next to the program at build time.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "graph");

    /// <summary>
    /// A node only the demo has (its national battery-materials cluster): a store that holds it holds
    /// the demo, so imported data and the demo's curated values are not mixed by accident.
    /// </summary>
    public const string MarkerId = "cluster:shenzhen-advanced-battery-materials";

    /// <summary>
    /// The templates the demo graph was built for. graph/chains holds more, for real data; the demo
    /// has no enterprises for them, and its documented answers count these five.
    /// </summary>
    public static IReadOnlyList<string> Templates { get; } = ["lithium-battery", "photovoltaics", "new-energy-vehicles", "wind-power", "marine-equipment"];

    public static void Read(GraphBatch batch, string? graphFolder = null, CancellationToken cancellationToken = default)
    {
        var folder = graphFolder ?? DefaultFolder;
        foreach (var template in Templates)
            new ChainTemplateReader().Read(Path.Combine(folder, "chains", template + ".json"), batch, cancellationToken);
        new JsonLinesReader().Read(Path.Combine(folder, "demo"), batch, cancellationToken);
    }
}
