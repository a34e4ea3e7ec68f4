using ChainGraph.Formats.Places;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class PlacesReaderTests : IDisposable
{
    static readonly Dictionary<string, NodeLabel> Stored = new()
    {
        ["300750"] = NodeLabel.Enterprise, ["002460"] = NodeLabel.Enterprise, ["601988"] = NodeLabel.Enterprise,
        ["碳酸锂"] = NodeLabel.Product,
    };

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    ImportPlan Read(string csv)
    {
        folder.Write("places.csv", csv);
        var batch = new GraphBatch();
        new PlacesReader().Read(folder.File("places.csv"), batch);
        return batch.Resolve(Stored);
    }

    [Fact]
    public void Read_ShortNames_AreStoredAsTheGazetteersFullNamesWithTheSource()
    {
        var plan = Read("id,province,city,county,source\n300750,江苏,常州,溧阳,生产基地\n");

        var node = Assert.Single(plan.Nodes, n => n.Label == NodeLabel.Enterprise);
        Assert.Equal(new Dictionary<string, object>
        {
            ["province"] = "江苏省", ["city"] = "常州市", ["county"] = "溧阳市", ["placeSource"] = "file", ["placeNote"] = "生产基地",
        }, node.Properties);
        Assert.Equal([("300750", "CN-320481"), ("CN-320400", "CN-320000"), ("CN-320481", "CN-320400")],
            plan.Relationships.Where(r => r.Type == RelType.LocatedIn).Select(r => (r.StartId, r.EndId)).Order());
        Assert.Equal([new RelationshipReplacement("300750", RelType.LocatedIn)], plan.ReplacedRelationships);
        Assert.Empty(plan.Rejected);
    }

    [Fact]
    public void Read_CityOrCountyAlone_GivesItsProvince()
    {
        var plan = Read("id,city,county\n300750,常州市,\n002460,,武进区\n");

        string? Get(string id, string key) => plan.Nodes.Single(n => n.Id == id).GetString(key);
        Assert.Equal(("江苏省", "常州市"), (Get("300750", "province"), Get("300750", "city")));
        Assert.Equal(("江苏省", "常州市", "武进区"), (Get("002460", "province"), Get("002460", "city"), Get("002460", "county")));
    }

    [Fact]
    public void Read_RegionThatNoRowDefines_IsCreatedFromTheGazetteer()
    {
        var plan = Read("id,city\n300750,常州\n");

        var city = plan.Nodes.Single(n => n.Id == "CN-320400");
        Assert.Equal(("常州市", "常州", "320400", "city"), (city.Name, city.GetString("shortName"), city.GetString("code"), city.GetString("level")));
        Assert.Equal(2, plan.CreatedEndpoints[NodeLabel.Region]);
    }

    [Fact]
    public void Read_MunicipalityAlone_IsItsOwnCity()
    {
        var plan = Read("id,province\n601988,北京\n");

        Assert.Equal("北京市", Assert.Single(plan.Nodes, n => n.Label == NodeLabel.Enterprise).GetString("city"));
        Assert.Equal(("601988", "CN-110000"), plan.Relationships.Select(r => (r.StartId, r.EndId)).Single());
    }

    [Fact]
    public void Read_ProvinceAlone_RemovesTheStoredCityCountyAndNote()
    {
        var plan = Read("id,province,city,county,source\n300750,浙江,,,\n");

        var removal = Assert.Single(plan.RemovedProperties);
        Assert.Equal("300750", removal.Id);
        Assert.Equal(["city", "county", "placeNote"], removal.Keys);
        Assert.Equal(["CN-330000"], plan.Relationships.Select(r => r.EndId));
    }

    [Fact]
    public void Read_RowsThatCannotBeUsed_AreEachRejectedOnceWithLineFieldAndValue()
    {
        var plan = Read("""
            id,province,city,county,source
            300750,江酥,,,
            300750,浙江,常州,,
            300750,,,鼓楼,
            ,江苏,,,
            999999,江苏,,,
            碳酸锂,江苏,,,
            300750,,,,
            300750,江苏,常州,,年报
            300750,江苏,苏州,,
            002460,江西,新余
            """);

        Assert.Equal(
        [
            (2L, "field 'province': expected a province (江苏 or 江苏省). Got: '江酥'"),
            (3L, "field 'city': expected a prefecture-level city (常州 or 常州市) of 浙江省. Got: '常州'"),
            (4L, "field 'county': 4 places have this name; give the city too. Got: '鼓楼'"),
            (5L, "field 'id' is missing or empty"),
            (6L, "field 'id': no Enterprise has this id. Got: '999999'"),
            (7L, "id '碳酸锂' already has label Product in the store; this row gives it Enterprise"),
            (8L, "no place: province, city and county are all empty"),
            (10L, "field 'id': the enterprise is placed already at places.csv:9; one place each. Got: '300750'"),
            (11L, "expected 5 fields, found 3"),
        ], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Equal(["300750"], plan.Nodes.Where(n => n.Label == NodeLabel.Enterprise).Select(n => n.Id));
        Assert.Equal(["CN-320000", "CN-320400"], plan.Relationships.Select(r => r.EndId).Order());
    }

    [Fact]
    public void Read_UnknownColumn_RefusesTheFileNamingLineFieldAndValue()
    {
        var error = Assert.Throws<FormatException>(() => Read("id,provice\n300750,江苏\n"));

        Assert.Equal("places.csv:1: field 'provice': unknown column; expected id, province, city, county, source. Got: 'provice'", error.Message);
    }

    [Fact]
    public void Read_HeaderWithoutAPlaceColumn_RefusesTheFile()
    {
        var error = Assert.Throws<FormatException>(() => Read("id,source\n300750,年报\n"));

        Assert.Contains("places.csv:1:", error.Message);
    }

    [Fact]
    public void Format_IsRegisteredAsPlaces() => Assert.IsType<PlacesReader>(GraphReaders.Get("places"));
}
