using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Server.Tests;

/// <summary>A write that merges with stored values reads them in the write slot, so no other write lands between its read and its write.</summary>
public sealed class WriteSlotTests(WriteSlotTests.Fixture server) : IClassFixture<WriteSlotTests.Fixture>
{
    public sealed class Fixture : ServerFixture;

    [Fact]
    public async Task AWriteArrivingWhileAMergingWriteReads_WaitsUntilThatWriteIsCommitted()
    {
        var reading = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var merging = server.Graph.WriteAsync(async _ =>
        {
            reading.SetResult();
            await release.Task;
            return Tags("slot:catl", "链主");
        });
        await reading.Task;

        var other = server.Graph.WriteAsync(Tags("slot:catl", "专精特新"));
        var overtook = await Task.WhenAny(other, Task.Delay(TimeSpan.FromMilliseconds(300))) == other;
        release.SetResult();
        await Task.WhenAll(merging, other);

        Assert.False(overtook, "a write landed while the merging write was still reading what it merges with");
        var snapshot = await server.Graph.GetSnapshotAsync();
        Assert.Equal(["专精特新"], snapshot.Tags[snapshot.IndexOf("slot:catl", "id")]);
    }

    static GraphBatch Tags(string id, string tag)
    {
        var batch = new GraphBatch();
        batch.AddNode(id, NodeLabel.Enterprise, new Dictionary<string, object> { ["name"] = id, ["tags"] = new[] { tag } }, new SourceLocation("test", 1));
        return batch;
    }
}
