using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;

namespace ChainGraph.Testing;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> must show. Each store's test class derives
/// from this and says how to make an empty store; the same assertions then run against it.
/// </summary>
public abstract class GraphStoreContract
{
    /// <summary>A new, empty, initialised store.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    static readonly SourceLocation At = new("test", 1);

    /// <summary>A small lithium chain: 碳酸锂 → 正极材料 → 动力电池, two makers, one supply link.</summary>
    protected static GraphBatch SmallChain()
    {
        var batch = new GraphBatch();
        batch.AddNode("300750", NodeLabel.Enterprise, new()
        {
            ["name"] = "宁德时代", ["province"] = "福建省", ["city"] = "宁德市", ["country"] = "CN",
            ["tags"] = new[] { "链主", "上市" }, ["capacity"] = 500L, ["listed"] = true,
        }, At);
        batch.AddNode("002460", NodeLabel.Enterprise, new() { ["name"] = "赣锋锂业", ["province"] = "江西省", ["city"] = "新余市" }, At);
        foreach (var product in new[] { "碳酸锂", "正极材料", "动力电池", "磷酸铁锂电池" })
            batch.AddNode(product, NodeLabel.Product, new() { ["name"] = product }, At);
        batch.AddRelationship(RelType.InputTo, new("碳酸锂"), new("正极材料"), [], At);
        batch.AddRelationship(RelType.InputTo, new("正极材料"), new("动力电池"), [], At);
        batch.AddRelationship(RelType.SubtypeOf, new("磷酸铁锂电池"), new("动力电池"), [], At);
        batch.AddRelationship(RelType.Makes, new("300750"), new("动力电池"), new() { ["share"] = 0.7, ["volume"] = 300.0 }, At);
        batch.AddRelationship(RelType.Makes, new("002460"), new("碳酸锂"), new() { ["share"] = 0.5 }, At);
        batch.AddRelationship(RelType.Supplies, new("002460"), new("300750"), new() { ["product"] = "碳酸锂", ["volume"] = 12.5 }, At);
        return batch;
    }

    protected static Task<ImportSummary> ImportAsync(IGraphStore store, GraphBatch batch) => new GraphImporter(store).ImportAsync(batch);

    [EnvironmentFact]
    public async Task Write_ThenGetNode_KeepsEveryPropertyType()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var catl = await store.GetNodeAsync("300750");

        Assert.NotNull(catl);
        Assert.Equal(NodeLabel.Enterprise, catl.Label);
        Assert.Equal("宁德时代", catl.Name);
        Assert.Equal(new[] { "链主", "上市" }, catl.Properties["tags"]);
        Assert.Equal(500.0, catl.Properties["capacity"]);
        Assert.Equal(true, catl.Properties["listed"]);
        Assert.Null(await store.GetNodeAsync("no-such-id"));
    }

    [EnvironmentFact]
    public async Task Write_SameInputTwice_GivesTheSameGraph()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var first = await store.GetStatsAsync();

        await ImportAsync(store, SmallChain());

        var second = await store.GetStatsAsync();
        Assert.Equal(first.Nodes, second.Nodes);
        Assert.Equal(first.Relationships, second.Relationships);
        Assert.Equal(6, second.NodeTotal);
        Assert.Equal(6, second.RelationshipTotal);
    }

    [EnvironmentFact]
    public async Task Write_Upsert_LaterValuesWinAndOtherPropertiesStay()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var update = new GraphBatch();
        update.AddNode("300750", NodeLabel.Enterprise, new() { ["name"] = "CATL", ["size"] = "large" }, At);
        update.AddRelationship(RelType.Makes, new("300750"), new("动力电池"), new() { ["share"] = 0.8 }, At);

        await ImportAsync(store, update);

        var catl = (await store.GetNodeAsync("300750"))!;
        Assert.Equal("CATL", catl.Name);
        Assert.Equal("large", catl.Properties["size"]);
        Assert.Equal("福建省", catl.Properties["province"]);
        var makes = (await store.GetNeighboursAsync("300750", new NeighbourQuery(RelType.Makes, Direction.Outgoing))).Items.Single();
        Assert.Equal(0.8, makes.Relationship.Properties["share"]);
        Assert.Equal(300.0, makes.Relationship.Properties["volume"]);
    }

    [EnvironmentFact]
    public async Task GetNeighbours_FiltersByTypeAndDirection()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var inputs = await store.GetNeighboursAsync("动力电池", new NeighbourQuery(RelType.InputTo, Direction.Incoming));
        var all = await store.GetNeighboursAsync("动力电池", new NeighbourQuery());
        var outgoing = await store.GetNeighboursAsync("正极材料", new NeighbourQuery(Direction: Direction.Outgoing));

        Assert.Equal(["正极材料"], inputs.Items.Select(n => n.Node.Id));
        Assert.Equal(new RelationshipKey(RelType.InputTo, "正极材料", "动力电池"), inputs.Items[0].Relationship.Key);
        Assert.Equal(3, all.Total);
        Assert.Equal(["动力电池"], outgoing.Items.Select(n => n.Node.Id));
        Assert.Equal(Direction.Outgoing, outgoing.Items[0].Direction);
    }

    [EnvironmentFact]
    public async Task GetNeighbours_PastTheLimit_ReportsTheTotal()
    {
        await using var store = await CreateStoreAsync();
        var batch = new GraphBatch();
        batch.AddNode("hub", NodeLabel.Product, new() { ["name"] = "hub" }, At);
        for (var i = 0; i < 30; i++) batch.AddRelationship(RelType.InputTo, new($"input-{i:D2}", NodeLabel.Product), new("hub"), [], At);
        await ImportAsync(store, batch);

        var page = await store.GetNeighboursAsync("hub", new NeighbourQuery(Limit: 10));

        Assert.Equal(10, page.Items.Count);
        Assert.Equal(30, page.Total);
    }

    [EnvironmentFact]
    public async Task Search_ChineseSubstring_RanksExactThenPrefixThenContaining()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var hits = await store.SearchAsync("动力电池", null, 10);
        var partial = await store.SearchAsync("锂", NodeLabel.Product, 10);
        var enterprises = await store.SearchAsync("锂", NodeLabel.Enterprise, 10);

        Assert.Equal("动力电池", hits[0].Id);
        Assert.Equal(["碳酸锂", "磷酸铁锂电池"], partial.Select(n => n.Id));
        Assert.Equal(["002460"], enterprises.Select(n => n.Id));
    }

    [EnvironmentFact]
    public async Task Search_WildcardCharacters_MatchLiterally()
    {
        await using var store = await CreateStoreAsync();
        var batch = new GraphBatch();
        batch.AddNode("p1", NodeLabel.Product, new() { ["name"] = "100%纯碳酸锂" }, At);
        batch.AddNode("p2", NodeLabel.Product, new() { ["name"] = "1000纯碳酸锂" }, At);
        batch.AddNode("p3", NodeLabel.Product, new() { ["name"] = "a_b'); DROP TABLE nodes; --" }, At);
        await ImportAsync(store, batch);

        Assert.Equal(["p1"], (await store.SearchAsync("0%", null, 10)).Select(n => n.Id));
        Assert.Equal(["p3"], (await store.SearchAsync("a_b'); DROP", null, 10)).Select(n => n.Id));
        Assert.Empty(await store.SearchAsync("%%", null, 10));
        Assert.Equal(3, (await store.GetStatsAsync()).NodeTotal);
    }

    [EnvironmentFact]
    public async Task GetStats_ListsEveryLabelAndType()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var stats = await store.GetStatsAsync();

        Assert.Equal(GraphSchema.Labels.Count, stats.Nodes.Count);
        Assert.Equal(GraphSchema.RelTypes.Count, stats.Relationships.Count);
        Assert.Equal(2, stats.Nodes["Enterprise"]);
        Assert.Equal(4, stats.Nodes["Product"]);
        Assert.Equal(2, stats.Relationships["INPUT_TO"]);
        Assert.Equal(0, stats.Relationships["FEEDS"]);
    }

    [EnvironmentFact]
    public async Task LoadSnapshot_HasCsrAdjacencyBothWaysWithWeights()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var snapshot = await store.LoadSnapshotAsync();

        Assert.Equal(6, snapshot.NodeCount);
        Assert.True(snapshot.TryGetIndex("正极材料", out var cathode));
        Assert.True(snapshot.TryGetIndex("300750", out var catl));
        Assert.True(snapshot.TryGetIndex("动力电池", out var battery));
        Assert.Equal(["动力电池"], snapshot.Out(RelType.InputTo).Neighbours(cathode).ToArray().Select(i => snapshot.Ids[i]));
        Assert.Equal(["碳酸锂"], snapshot.In(RelType.InputTo).Neighbours(cathode).ToArray().Select(i => snapshot.Ids[i]));
        Assert.Equal(300f, snapshot.Out(RelType.Makes).WeightsOf(catl)[0]);
        Assert.Equal(catl, snapshot.In(RelType.Makes).Neighbours(battery)[0]);
        Assert.Equal("福建省", snapshot.Provinces[catl]);
        Assert.Equal(["链主", "上市"], snapshot.Tags[catl]);
        Assert.Equal(6, snapshot.RelationshipCount);
    }

    [EnvironmentFact]
    public async Task LoadSnapshot_CarriesASegmentsMatchRulesAndAChainsSector()
    {
        await using var store = await CreateStoreAsync();
        var batch = SmallChain();
        const string Match = """{"keywords":["负极"],"subtypes":true,"exclude":["电极"]}""";
        batch.AddNode("lib", NodeLabel.Chain, new() { ["name"] = "锂电池", ["sector"] = "新能源" }, At);
        batch.AddNode("lib:anode", NodeLabel.Segment, new() { ["name"] = "负极材料", ["stage"] = "upstream", ["order"] = 2L, ["match"] = Match }, At);
        await ImportAsync(store, batch);

        var snapshot = await store.LoadSnapshotAsync();

        Assert.True(snapshot.TryGetIndex("lib", out var chain));
        Assert.True(snapshot.TryGetIndex("lib:anode", out var anode));
        Assert.Equal("新能源", snapshot.Sectors[chain]);
        Assert.Equal(Match, snapshot.Matches[anode]);
        Assert.Null(snapshot.Sectors[anode]);
        Assert.Null(snapshot.Matches[chain]);
    }

    /// <summary>A node of every label with every snapshot column set, and a relationship of every type (weighted where the type has a weight).</summary>
    public static GraphBatch EveryColumnAndType()
    {
        var batch = new GraphBatch();
        batch.AddNode("300750", NodeLabel.Enterprise, new()
        {
            ["name"] = "宁德时代", ["province"] = "福建省", ["city"] = "宁德市", ["country"] = "CN", ["tags"] = new[] { "链主", "专精特新" },
            ["capacity"] = 512.5,
        }, At);
        batch.AddNode("002460", NodeLabel.Enterprise, new() { ["name"] = "赣锋锂业", ["country"] = "CN", ["capacity"] = 40L }, At);
        batch.AddNode("碳酸锂", NodeLabel.Product, new() { ["name"] = "碳酸锂" }, At);
        batch.AddNode("动力电池", NodeLabel.Product, new() { ["name"] = "动力电池" }, At);
        batch.AddNode("lib:up", NodeLabel.Segment, new() { ["name"] = "上游材料", ["stage"] = "upstream", ["order"] = 1L, ["match"] = """{"keywords":["锂"]}""" }, At);
        batch.AddNode("lib:cell", NodeLabel.Segment, new() { ["name"] = "电芯", ["stage"] = "midstream", ["order"] = 2L }, At);
        batch.AddNode("lib", NodeLabel.Chain, new() { ["name"] = "锂电池", ["sector"] = "新能源", ["match"] = """{"industries":["SW630701"]}""" }, At);
        batch.AddNode("SW630701", NodeLabel.Industry, new() { ["name"] = "锂电池", ["level"] = 3L }, At);
        batch.AddNode("SW630700", NodeLabel.Industry, new() { ["name"] = "电池", ["level"] = 2L }, At);
        batch.AddNode("SW220202", NodeLabel.Industry, new() { ["name"] = "锂", ["level"] = 3L }, At);
        batch.AddNode("CN-350900", NodeLabel.Region, new() { ["name"] = "宁德市", ["level"] = "city", ["province"] = "福建省" }, At);
        batch.AddNode("ningde-cluster", NodeLabel.Cluster, new() { ["name"] = "宁德锂电集群", ["level"] = "national", ["province"] = "福建省", ["city"] = "宁德市" }, At);
        batch.AddNode("ningde-lab", NodeLabel.InnovationCentre, new() { ["name"] = "宁德实验室", ["kind"] = "lab", ["province"] = "福建省", ["city"] = "宁德市" }, At);
        Relate(RelType.Makes, "300750", "动力电池", new() { ["share"] = 0.7, ["volume"] = 300.0 });
        Relate(RelType.Makes, "002460", "碳酸锂", new() { ["share"] = 0.5 });
        Relate(RelType.Supplies, "002460", "300750", new() { ["product"] = "碳酸锂", ["volume"] = 12.5 });
        Relate(RelType.InputTo, "碳酸锂", "动力电池", new() { ["substituteGroup"] = 2L });
        Relate(RelType.SubtypeOf, "动力电池", "碳酸锂", []);
        Relate(RelType.InSegment, "碳酸锂", "lib:up", []);
        Relate(RelType.Feeds, "lib:up", "lib:cell", []);
        Relate(RelType.PartOf, "lib:up", "lib", []);
        Relate(RelType.PartOf, "lib:cell", "lib", []);
        Relate(RelType.InIndustry, "300750", "SW630701", []);
        Relate(RelType.Parent, "SW630701", "SW630700", []);
        Relate(RelType.UpstreamOf, "SW220202", "SW630701", new() { ["weight"] = 4.0 });
        Relate(RelType.LocatedIn, "300750", "CN-350900", []);
        Relate(RelType.MemberOf, "300750", "ningde-cluster", []);
        Relate(RelType.Supports, "ningde-lab", "lib:cell", []);
        Relate(RelType.Partners, "ningde-lab", "300750", []);
        return batch;

        void Relate(RelType type, string start, string end, Dictionary<string, object> properties) =>
            batch.AddRelationship(type, new(start), new(end), properties, At);
    }

    [EnvironmentFact]
    public async Task LoadSnapshot_EqualsTheSnapshotOfTheWrittenRecords_ColumnByColumnAndEdgeByEdge()
    {
        await using var store = await CreateStoreAsync();
        var batch = EveryColumnAndType();
        var plan = batch.Resolve(new Dictionary<string, NodeLabel>());
        Assert.Empty(plan.Rejected);
        Assert.Equal(GraphSchema.RelTypes.Order(), plan.Relationships.Select(r => r.Type).Distinct().Order());
        await ImportAsync(store, batch);

        var loaded = await store.LoadSnapshotAsync();

        SnapshotAssert.Equal(SnapshotBuilder.Of(plan.Nodes, plan.Relationships), loaded);
        Assert.True(loaded.TryGetIndex("300750", out var catl));
        Assert.Equal((512.5, 300f), (loaded.Capacities[catl], loaded.Out(RelType.Makes).WeightsOf(catl)[0]));
    }

    [EnvironmentFact]
    public async Task SnapshotEditor_AfterEachWrite_GivesTheSnapshotTheStoreLoads()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, EveryColumnAndType());
        var snapshot = await store.LoadSnapshotAsync();

        // A node's columns change, one is removed, a weight changes and a relationship without one keeps its own.
        var update = new GraphBatch();
        update.UpdateNode("300750", NodeLabel.Enterprise, new() { ["city"] = "福州市", ["tags"] = new[] { "单项冠军" } }, ["capacity"], At);
        update.AddRelationship(RelType.Makes, new("300750"), new("动力电池"), new() { ["volume"] = 320.0 }, At);
        update.AddRelationship(RelType.Supplies, new("002460"), new("300750"), new() { ["product"] = "碳酸锂" }, At);
        snapshot = await WriteAndCompareAsync(update);

        // New nodes between and after the stored ones, a relationship to each, a replaced set of outgoing relationships.
        var growth = new GraphBatch();
        growth.AddNode("002466", NodeLabel.Enterprise, new() { ["name"] = "天齐锂业", ["province"] = "四川省", ["capacity"] = 80L }, At);
        growth.AddNode("aaa-first", NodeLabel.Product, new() { ["name"] = "六氟磷酸锂" }, At);
        growth.AddRelationship(RelType.Makes, new("002466"), new("aaa-first"), new() { ["volume"] = 5.0 }, At);
        growth.AddRelationship(RelType.Supplies, new("002466"), new("300750"), [], At);
        growth.ReplaceRelationships("300750", RelType.Makes);
        growth.AddRelationship(RelType.Makes, new("300750"), new("aaa-first"), [], At);
        snapshot = await WriteAndCompareAsync(growth);

        Assert.True(await store.DeleteRelationshipAsync(new RelationshipKey(RelType.Supplies, "002466", "300750")));
        var editor = new SnapshotEditor(snapshot);
        editor.RemoveRelationship(new RelationshipKey(RelType.Supplies, "002466", "300750"));
        SnapshotAssert.Identical(await store.LoadSnapshotAsync(), snapshot = editor.Build(await NextStampAsync()));

        // A deleted node's place goes to the last node: the same graph, in another order.
        foreach (var id in new[] { "300750", "lib:cell", "aaa-first" })
        {
            Assert.True(await store.DeleteNodeAsync(id));
            editor = new SnapshotEditor(snapshot);
            editor.RemoveNode(id);
            snapshot = editor.Build(await NextStampAsync());
            SnapshotAssert.Equal(await store.LoadSnapshotAsync(), snapshot);
            Assert.False(snapshot.TryGetIndex(id, out _));
        }

        async Task<GraphSnapshot> WriteAndCompareAsync(GraphBatch batch)
        {
            var plan = await new GraphImporter(store).PlanAsync(batch);
            Assert.Empty(plan.Rejected);
            await store.WriteAsync(plan);
            var edit = new SnapshotEditor(snapshot);
            edit.Apply(plan);
            var patched = edit.Build(await NextStampAsync());
            var loaded = await store.LoadSnapshotAsync();
            Assert.Equal(loaded.ChangeStamp, patched.ChangeStamp);
            SnapshotAssert.Identical(loaded, patched);
            return patched;
        }

        // Each write counts the stamp up by one, so a service knows its own write from another's.
        async Task<long?> NextStampAsync()
        {
            var stamp = await store.GetChangeStampAsync();
            if (snapshot.ChangeStamp is { } before) Assert.Equal(before + 1, stamp);
            return stamp;
        }
    }

    [EnvironmentFact]
    public async Task DeleteNode_RemovesItsRelationships()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        Assert.True(await store.DeleteNodeAsync("正极材料"));
        Assert.False(await store.DeleteNodeAsync("正极材料"));

        var stats = await store.GetStatsAsync();
        Assert.Equal(5, stats.NodeTotal);
        Assert.Equal(0, stats.Relationships["INPUT_TO"]);
        Assert.True(await store.DeleteRelationshipAsync(new RelationshipKey(RelType.Supplies, "002460", "300750")));
        Assert.Equal(0, (await store.GetStatsAsync()).Relationships["SUPPLIES"]);
    }

    [EnvironmentFact]
    public async Task ChangeStamp_CountsUpWithEveryCommittedWrite_AndTheSnapshotCarriesIt_WithoutCountingAsANode()
    {
        await using var store = await CreateStoreAsync();
        var empty = await store.GetChangeStampAsync();
        await ImportAsync(store, SmallChain());
        var imported = await store.GetChangeStampAsync();
        await store.DeleteNodeAsync("正极材料");
        var deleted = await store.GetChangeStampAsync();
        await store.DeleteNodeAsync("正极材料");

        Assert.NotNull(empty);
        Assert.NotEqual(empty, imported);
        Assert.Equal(imported + 1, deleted);
        Assert.Equal(deleted, await store.GetChangeStampAsync());
        Assert.Equal(deleted, (await store.LoadSnapshotAsync()).ChangeStamp);
        Assert.Equal(5, (await store.GetStatsAsync()).NodeTotal);
        Assert.Equal(5, await store.ReadNodesAsync().CountAsync());
    }

    [EnvironmentFact]
    public async Task GetLabels_AnswersOnlyForExistingIds()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var labels = await store.GetLabelsAsync(["300750", "碳酸锂", "missing"]);

        Assert.Equal(2, labels.Count);
        Assert.Equal(NodeLabel.Enterprise, labels["300750"]);
        Assert.Equal(NodeLabel.Product, labels["碳酸锂"]);
    }

    [EnvironmentFact]
    public async Task Import_IdAlreadyUsedByAnotherLabel_IsRejectedAndTheStoredNodeKept()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var clash = new GraphBatch();
        clash.AddNode("碳酸锂", NodeLabel.Enterprise, new() { ["name"] = "碳酸锂公司" }, new SourceLocation("clash.jsonl", 7));

        var summary = await ImportAsync(store, clash);

        var rejection = Assert.Single(summary.Rejected);
        Assert.Equal(("clash.jsonl", 7L), (rejection.File, rejection.Line));
        Assert.Contains("already has label Product", rejection.Reason);
        Assert.Equal(NodeLabel.Product, (await store.GetNodeAsync("碳酸锂"))!.Label);
    }

    [EnvironmentFact]
    public async Task ReadAll_ReturnsEveryNodeAndRelationship()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());

        var nodes = await store.ReadNodesAsync().ToListAsync();
        var rels = await store.ReadRelationshipsAsync().ToListAsync();

        Assert.Equal(6, nodes.Count);
        Assert.Equal(6, rels.Count);
        Assert.Contains(rels, r => r.Key == new RelationshipKey(RelType.Supplies, "002460", "300750") && (double)r.Properties["volume"] == 12.5);
    }

    [EnvironmentFact]
    public async Task Write_UpdateWithoutAName_KeepsTheNameSetsTheRestAndRemovesTheUnsetProperties()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var update = new GraphBatch();
        update.UpdateNode("300750", NodeLabel.Enterprise, new() { ["province"] = "江苏省", ["county"] = "溧阳市" }, ["city"], At);

        var summary = await ImportAsync(store, update);

        Assert.Empty(summary.Rejected);
        var catl = (await store.GetNodeAsync("300750"))!;
        Assert.Equal("宁德时代", catl.Name);
        Assert.Equal(("江苏省", "溧阳市", null), (catl.GetString("province"), catl.GetString("county"), catl.GetString("city")));
        Assert.Equal("CN", catl.GetString("country"));
        Assert.Equal(["300750"], (await store.SearchAsync("宁德", null, 5)).Select(n => n.Id));
    }

    [EnvironmentFact]
    public async Task Write_ReplacedRelationships_RemovesTheStoredOnesTheImportDoesNotWrite()
    {
        await using var store = await CreateStoreAsync();
        await ImportAsync(store, SmallChain());
        var derived = new GraphBatch();
        derived.AddRelationship(RelType.LocatedIn, new("300750"), Region("CN-350900", "宁德市"), [], At);
        derived.AddRelationship(RelType.LocatedIn, new("002460"), Region("CN-360500", "新余市"), [], At);
        await ImportAsync(store, derived);
        var moved = new GraphBatch();
        moved.ReplaceRelationships("300750", RelType.LocatedIn);
        moved.AddRelationship(RelType.LocatedIn, new("300750"), Region("CN-320400", "常州市"), [], At);

        await ImportAsync(store, moved);

        var places = await store.GetNeighboursAsync("300750", new NeighbourQuery(RelType.LocatedIn, Direction.Outgoing));
        Assert.Equal(["CN-320400"], places.Items.Select(n => n.Node.Id));
        Assert.Single((await store.GetNeighboursAsync("002460", new NeighbourQuery(RelType.LocatedIn, Direction.Outgoing))).Items);
        Assert.Single((await store.GetNeighboursAsync("300750", new NeighbourQuery(RelType.Makes, Direction.Outgoing))).Items);
        Assert.NotNull(await store.GetNodeAsync("CN-350900"));
    }

    static EndpointRef Region(string id, string name) => new(id, NodeLabel.Region, new Dictionary<string, object> { ["name"] = name, ["level"] = "city" });
}
