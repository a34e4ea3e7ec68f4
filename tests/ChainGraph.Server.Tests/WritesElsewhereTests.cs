using System.Net.Http.Json;
using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Server.Graph;
using ChainGraph.Storage.Import;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>A write made past the service (another process importing into the file it serves) reaches its analyses by itself.</summary>
public sealed class WritesElsewhereTests(WritesElsewhereTests.Fixture server) : IClassFixture<WritesElsewhereTests.Fixture>
{
    public sealed class Fixture : ServerFixture
    {
        public string Db => Path.Combine(Folder, "graph.db");
    }

    [Fact]
    public async Task AnImportByAnotherWriter_ReachesTheAnalysesWithoutAWriteThroughTheService()
    {
        await server.Graph.GetSnapshotAsync();
        var batch = new GraphBatch();
        batch.AddNode("elsewhere:maker", NodeLabel.Enterprise, new Dictionary<string, object> { ["name"] = "别处写入的企业", ["province"] = "江苏省", ["city"] = "常州市" },
            new SourceLocation("elsewhere", 1));
        batch.AddRelationship(RelType.Makes, new EndpointRef("elsewhere:maker"), new EndpointRef("湿法隔膜"), new Dictionary<string, object>(), new SourceLocation("elsewhere", 2));
        await using (var other = new SqliteGraphStore(server.Db)) await new GraphImporter(other).ImportAsync(batch);

        var seen = await Eventually.TrueAsync(async () => (await server.Graph.GetSnapshotAsync()).TryGetIndex("elsewhere:maker", out _), TimeSpan.FromSeconds(10));
        var gaps = await server.Http.GetFromJsonAsync<JsonElement>("/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("常州"));

        Assert.True(seen, "the service never saw the other writer's import");
        var separator = gaps.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "lithium-battery:separator");
        Assert.NotEqual("missing", separator.GetProperty("status").GetString());
    }

    [Fact]
    public void TwoSnapshots_TellTheNodesAWriteElsewhereTouched()
    {
        var before = new Model.Snapshot.SnapshotBuilder();
        before.AddNode("kept", NodeLabel.Product, "同");
        before.AddNode("renamed", NodeLabel.Product, "旧名");
        before.AddNode("gone", NodeLabel.Product, "去");
        var after = new Model.Snapshot.SnapshotBuilder();
        after.AddNode("kept", NodeLabel.Product, "同");
        after.AddNode("renamed", NodeLabel.Product, "新名");
        after.AddNode("new", NodeLabel.Product, "来");

        var changes = ChangeSet.Between(before.Build(), after.Build());

        Assert.Equal(["new", "renamed"], changes.UpsertedNodes.Order());
        Assert.Equal(["gone"], changes.DeletedNodes);
    }
}
