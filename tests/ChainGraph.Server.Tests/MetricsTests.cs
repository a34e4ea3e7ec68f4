using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using ChainGraph.Server.Graph;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>The service's instruments (meter "ChainGraph") record hub connections, views, patches and writes.</summary>
public sealed class MetricsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task HubAndWrites_AreMeasured()
    {
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ChainGraphMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        await using (var client = await SignalRClient.RecordingAsync(server.BaseAddress))
        {
            await client.InvokeAsync("OpenView", new { kind = "chain", chain = "wind-power" });
            await server.Http.PutAsJsonAsync("/api/nodes/" + Uri.EscapeDataString("风电叶片"), new { label = "Product", properties = new { nameEn = "blade" } });
            await client.WaitForAsync("ViewPatched");
        }

        Assert.True(seen.GetValueOrDefault("chaingraph.hub.views_opened") >= 1);
        Assert.True(seen.GetValueOrDefault("chaingraph.hub.patches_pushed") >= 1);
        Assert.True(seen.GetValueOrDefault("chaingraph.writes.rows") >= 1);
        Assert.True(seen.ContainsKey("chaingraph.writes.duration"));
        Assert.True(seen.ContainsKey("chaingraph.hub.connections"));
    }
}
