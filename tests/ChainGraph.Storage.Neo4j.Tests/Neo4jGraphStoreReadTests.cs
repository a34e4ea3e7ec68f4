using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>How the store reads answers and pages through the graph, against the local endpoint.</summary>
public sealed class Neo4jGraphStoreReadTests : IDisposable
{
    readonly FakeQueryApi api = new();

    public void Dispose() => api.Dispose();

    static string Answer(string fields, string values) => $$"""{"data":{"fields":{{fields}},"values":{{values}}},"bookmarks":[]}""";

    [Fact]
    public async Task GetNode_TypesPropertiesByTheSchemaAndDropsTheIdProperty()
    {
        api.Reply(202, Answer("""["id","labels","props"]""", """
            [["300750",["ChainNode","Enterprise"],{"id":"300750","name":"宁德时代","capacity":500,"tags":["链主","上市"],"listed":true}]]
            """));
        await using var store = TestClients.Store(api.Url);

        var node = await store.GetNodeAsync("300750");

        Assert.NotNull(node);
        Assert.Equal(NodeLabel.Enterprise, node.Label);
        Assert.Equal(500.0, node.Properties["capacity"]);
        Assert.Equal(new[] { "链主", "上市" }, node.Properties["tags"]);
        Assert.Equal(true, node.Properties["listed"]);
        Assert.False(node.Properties.ContainsKey("id"));
    }

    [Fact]
    public async Task GetNeighbours_ReadsThePageAndTheTotal_AndSendsTheQuery()
    {
        api.Reply(202, Answer("""["total","items"]""", """
            [[30,[{"outgoing":false,"type":"INPUT_TO","relProps":{"substituteGroup":1},"id":"正极材料","labels":["Product","ChainNode"],"props":{"id":"正极材料","name":"正极材料"}}]]]
            """));
        await using var store = TestClients.Store(api.Url);

        var page = await store.GetNeighboursAsync("动力电池", new NeighbourQuery(RelType.InputTo, Direction.Incoming, Limit: 1));

        Assert.Equal(30, page.Total);
        var neighbour = Assert.Single(page.Items);
        Assert.Equal((Direction.Incoming, "正极材料"), (neighbour.Direction, neighbour.Node.Id));
        Assert.Equal(new RelationshipKey(RelType.InputTo, "正极材料", "动力电池"), neighbour.Relationship.Key);
        Assert.Equal(1L, neighbour.Relationship.Properties["substituteGroup"]);
        var parameters = api.Requests[0].Json.GetProperty("parameters");
        Assert.Equal(("INPUT_TO", "Incoming", 1), (parameters.GetProperty("type").GetString(), parameters.GetProperty("direction").GetString(), parameters.GetProperty("limit").GetInt32()));
    }

    [Fact]
    public async Task GetStats_ListsEveryLabelAndType()
    {
        api.Reply(202, Answer("""["label","count"]""", """[["Enterprise",2],["Product",4]]"""))
            .Reply(202, Answer("""["type","count"]""", """[["MAKES",2]]"""));
        await using var store = TestClients.Store(api.Url);

        var stats = await store.GetStatsAsync();

        Assert.Equal(GraphSchema.Labels.Count, stats.Nodes.Count);
        Assert.Equal(GraphSchema.RelTypes.Count, stats.Relationships.Count);
        Assert.Equal((2, 4, 0), (stats.Nodes["Enterprise"], stats.Nodes["Product"], stats.Nodes["Region"]));
        Assert.Equal(2, stats.Relationships["MAKES"]);
    }

    static string Stamp(long stamp) => Answer("""["stamp"]""", $"[[{stamp}]]");

    [Fact]
    public async Task GetChangeStamp_ReadsTheStampOfTheMetaNode()
    {
        api.Reply(202, Stamp(-4242424242424242));
        await using var store = TestClients.Store(api.Url);

        var stamp = await store.GetChangeStampAsync();

        Assert.Equal(-4242424242424242, stamp);
        Assert.Equal(CypherCatalog.Get("get-change-stamp").Text, api.Requests[0].Json.GetProperty("statement").GetString());
    }

    [Fact]
    public async Task LoadSnapshot_CarriesTheChangeStampReadBeforeTheGraph()
    {
        api.Reply(202, Stamp(7))
            .Reply(202, Answer("""["id","labels","name","columns"]""", "[]"))
            .Reply(202, Answer("""["last","type","start","end","props"]""", "[]"));
        await using var store = TestClients.Store(api.Url);

        var snapshot = await store.LoadSnapshotAsync();

        Assert.Equal(7, snapshot.ChangeStamp);
        Assert.Equal(CypherCatalog.Get("get-change-stamp").Text, api.Requests[0].Json.GetProperty("statement").GetString());
    }

    [Fact]
    public async Task LoadSnapshot_PagesNodesThenRelationshipsByKeyset()
    {
        const string NodeFields = """["id","labels","name","columns"]""";
        api.Reply(202, Stamp(1)).Reply(202, Answer(NodeFields, """
            [["002460",["ChainNode","Enterprise"],"赣锋锂业",["江西省","新余市","CN",null,null,null,null,null,null]],
             ["300750",["ChainNode","Enterprise"],"宁德时代",["福建省","宁德市","CN",["链主"],null,null,null,null,500]]]
            """))
            .Reply(202, Answer(NodeFields, """
                [["碳酸锂",["ChainNode","Product"],"碳酸锂",[null,null,null,null,null,null,null,null,null]],
                 ["lib",["ChainNode","Chain"],"锂电池",[null,null,null,null,null,null,null,"新能源",null]],
                 ["lib:anode",["ChainNode","Segment"],"负极材料",[null,null,null,null,"upstream",2,"{\"keywords\":[\"负极\"]}",null,null]]]
                """))
            .Reply(202, Answer(NodeFields, "[]"))
            .Reply(202, Answer("""["last","type","start","end","props"]""", """
                [["300750","SUPPLIES","002460","300750",{"volume":12.5}],["300750",null,"300750",null,null]]
                """))
            .Reply(202, Answer("""["last","type","start","end","props"]""", """[["碳酸锂",null,"碳酸锂",null,null]]"""))
            .Reply(202, Answer("""["last","type","start","end","props"]""", "[]"));
        await using var store = TestClients.Store(api.Url);

        var snapshot = await store.LoadSnapshotAsync();

        Assert.Equal(5, snapshot.NodeCount);
        Assert.Equal(1, snapshot.RelationshipCount);
        Assert.True(snapshot.TryGetIndex("300750", out var catl));
        Assert.Equal(["链主"], snapshot.Tags[catl]);
        Assert.Equal(500, snapshot.Capacities[catl]);
        Assert.Equal(12.5f, snapshot.In(RelType.Supplies).WeightsOf(catl)[0]);
        Assert.True(snapshot.TryGetIndex("lib", out var chain));
        Assert.True(snapshot.TryGetIndex("lib:anode", out var anode));
        Assert.Equal(("新能源", """{"keywords":["负极"]}"""), (snapshot.Sectors[chain], snapshot.Matches[anode]));
        Assert.Equal(["", "300750", "lib:anode", "", "300750", "碳酸锂"],
            api.Requests.Skip(1).Select(r => r.Json.GetProperty("parameters").GetProperty("after").GetString()));
    }

    [Fact]
    public async Task LoadSnapshot_AsksForTheSnapshotColumnsByKey()
    {
        api.Reply(202, Stamp(1)).Reply(202, Answer("""["id","labels","name","columns"]""", "[]"))
            .Reply(202, Answer("""["last","type","start","end","props"]""", "[]"));
        await using var store = TestClients.Store(api.Url);

        await store.LoadSnapshotAsync();

        var keys = api.Requests[1].Json.GetProperty("parameters").GetProperty("keys").EnumerateArray().Select(k => k.GetString());
        Assert.Equal(SnapshotColumns.Node.Select(c => c.Name), keys);
    }

    [Fact]
    public async Task LoadSnapshot_RelationshipTypeOutsideTheContract_IsAnErrorNamingIt()
    {
        api.Reply(202, Stamp(1)).Reply(202, Answer("""["id","labels","name","columns"]""", """
            [["a",["ChainNode","Product"],"a",[null,null,null,null,null,null,null,null,null]]]
            """))
            .Reply(202, Answer("""["id","labels","name","columns"]""", "[]"))
            .Reply(202, Answer("""["last","type","start","end","props"]""", """[["a","LIKES","a","a",{}]]"""));
        await using var store = TestClients.Store(api.Url);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.LoadSnapshotAsync());

        Assert.Equal(GraphStoreException.UnknownType, error.Code);
        Assert.Contains("'LIKES'", error.Message);
    }
}
