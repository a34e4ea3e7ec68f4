using System.Diagnostics.Metrics;

namespace ChainGraph.Server.Graph;

/// <summary>
/// The service's own instruments (meter "ChainGraph"), beside ASP.NET Core's request metrics:
/// hub connections and open views, patches pushed, writes, snapshot loads and analyses with their durations.
/// Read them with dotnet-counters or any OpenTelemetry exporter.
/// </summary>
public sealed class ChainGraphMetrics : IDisposable
{
    public const string MeterName = "ChainGraph";
    readonly Meter meter;

    public ChainGraphMetrics(IMeterFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        meter = factory.Create(MeterName);
        HubConnections = meter.CreateUpDownCounter<long>("chaingraph.hub.connections", description: "SignalR connections open now.");
        ViewsOpened = meter.CreateCounter<long>("chaingraph.hub.views_opened", description: "Views opened.");
        PatchesPushed = meter.CreateCounter<long>("chaingraph.hub.patches_pushed", description: "Patches pushed to clients after writes.");
        Writes = meter.CreateHistogram<double>("chaingraph.writes.duration", "ms", "Committed writes and imports, from plan to commit.");
        SnapshotLoads = meter.CreateHistogram<double>("chaingraph.snapshot.load_duration", "ms", "Snapshot loads: at start, and after writes made by another process.");
        SnapshotPatches = meter.CreateHistogram<double>("chaingraph.snapshot.patch_duration", "ms", "Next snapshot versions made from this service's committed writes.");
        WrittenRows = meter.CreateCounter<long>("chaingraph.writes.rows", description: "Nodes and relationships written.");
        Analyses = meter.CreateHistogram<double>("chaingraph.analyses.duration", "ms", "Analyses computed (cache misses), by kind.");
    }

    public UpDownCounter<long> HubConnections { get; }
    public Counter<long> ViewsOpened { get; }
    public Counter<long> PatchesPushed { get; }
    public Histogram<double> Writes { get; }
    public Histogram<double> SnapshotLoads { get; }
    public Histogram<double> SnapshotPatches { get; }
    public Counter<long> WrittenRows { get; }
    public Histogram<double> Analyses { get; }

    public void Dispose() => meter.Dispose();
}
