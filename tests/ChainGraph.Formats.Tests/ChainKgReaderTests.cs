using ChainGraph.Formats.ChainKg;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class ChainKgReaderTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    void WriteLayout(Dictionary<string, string>? overrides = null)
    {
        var files = new Dictionary<string, string>
        {
            ["company.json"] = """
                {"name": "邵阳液压", "fullname": "邵阳维克液压股份有限公司", "code": "301079", "location": "深圳证券交易所", "time": "2021-10-19"}
                {"name": "华特气体", "fullname": "广东华特气体股份有限公司", "code": "688268.SH", "location": "上海证券交易所", "time": "2019-12-26"}
                """,
            ["industry.json"] = """
                {"code": "270000", "name": "电子"}
                {"code": "270100", "name": "半导体"}
                """,
            ["product.json"] = """{"name": "特种气体"}""",
            ["company_industry.json"] = """{"company_code": "688268.SH", "industry_code": "270100", "industry_name": "半导体", "company_name": "华特气体", "rel": "所属行业"}""",
            ["industry_industry.json"] = """{"from_code": "270100", "from_industry": "半导体", "rel": "上级行业", "to_industry": "电子", "to_code": "270000"}""",
            ["industry_up.json"] = """{"industry": "半导体", "ups": {"电子": 3, "其他建材Ⅲ": 1}}""",
            ["company_product.json"] = """{"company_name": "华特气体", "company_code": "688268.SH", "product_name": "特种气体", "rel": "主营产品", "rel_weight": 0.51}""",
            ["product_product.json"] = """
                {"from_entity": "特种气体", "to_entity": "氖气", "rel": "上游材料"}
                {"from_entity": "特种气体", "to_entity": "芯片", "rel": "下游产品"}
                {"from_entity": "特种气体", "to_entity": "电子特气", "rel": "产品小类"}
                {"from_entity": "特种气体", "to_entity": "特种气体", "rel": "上游材料"}
                """,
        };
        foreach (var (name, content) in overrides ?? []) files[name] = content;
        foreach (var (name, content) in files) folder.Write(name, content);
    }

    ImportPlan Read()
    {
        var batch = new GraphBatch();
        new ChainKgReader().Read(folder.Path, batch);
        return batch.Resolve(new Dictionary<string, NodeLabel>());
    }

    [Fact]
    public void Read_MapsEachFileToTheContractLabelsAndTypes()
    {
        WriteLayout();

        var plan = Read();
        var rels = plan.Relationships.Select(r => (GraphSchema.Name(r.Type), r.StartId, r.EndId)).ToHashSet();

        Assert.Contains(("INPUT_TO", "氖气", "特种气体"), rels);
        Assert.Contains(("INPUT_TO", "特种气体", "芯片"), rels);
        Assert.Contains(("SUBTYPE_OF", "电子特气", "特种气体"), rels);
        Assert.Contains(("MAKES", "688268", "特种气体"), rels);
        Assert.Contains(("IN_INDUSTRY", "688268", "SW270100"), rels);
        Assert.Contains(("PARENT", "SW270100", "SW270000"), rels);
        Assert.Contains(("UPSTREAM_OF", "SW270000", "SW270100"), rels);
        Assert.Contains(("UPSTREAM_OF", "SW:其他建材Ⅲ", "SW270100"), rels);
        Assert.Contains(("LOCATED_IN", "301079", "CN-430500"), rels);
        Assert.Contains(("LOCATED_IN", "CN-430500", "CN-430000"), rels);
        Assert.Contains(("LOCATED_IN", "688268", "CN-440000"), rels);
        var shaoyang = plan.Nodes.Single(n => n.Id == "301079");
        Assert.Equal(("湖南省", "邵阳市"), (shaoyang.GetString("province"), shaoyang.GetString("city")));
        Assert.Equal("self-loop: '特种气体' INPUT_TO itself", Assert.Single(plan.Rejected).Reason);
    }

    [Fact]
    public void Read_RowsSharingAStockCodeAndListingDate_MergeAsOneRenamedCompanyPlacedByOneName()
    {
        WriteLayout(new()
        {
            ["company.json"] = """
                {"name": "宏达新材", "fullname": "上海宏达新材料股份有限公司", "code": "002211.SZ", "location": "深圳证券交易所", "time": "2008-02-01"}
                {"name": "宏达新材", "fullname": "江苏宏达新材料股份有限公司", "code": "002211.SZ", "location": "深圳证券交易所", "time": "2008-02-01"}
                """,
        });

        var plan = Read();

        var merge = Assert.Single(plan.Merged);
        Assert.Equal((2L, 1L), (merge.Line, merge.FirstLine));
        Assert.Empty(plan.Conflicts);
        var company = plan.Nodes.Single(n => n.Id == "002211");
        Assert.Equal(("江苏宏达新材料股份有限公司", "江苏省", null, "name"),
            (company.GetString("fullName"), company.GetString("province"), company.GetString("city"), company.GetString("placeSource")));
        Assert.Equal(["CN-320000"], plan.Relationships.Where(r => r.Type == RelType.LocatedIn && r.StartId == "002211").Select(r => r.EndId));
    }

    [Fact]
    public void Read_RowSharingAStockCodeButListedOnAnotherDate_IsAConflictAndNotMerged()
    {
        WriteLayout(new()
        {
            ["company.json"] = """
                {"name": "京源环保", "fullname": "江苏京源环保股份有限公司", "code": "688096", "location": "上海证券交易所", "time": "2020-04-09"}
                {"name": "京源环保", "fullname": "大连港股份有限公司", "code": "688096", "location": "上海证券交易所", "time": "2010-12-06"}
                """,
        });

        var plan = Read();

        var conflict = Assert.Single(plan.Conflicts);
        Assert.Equal(("company.json", 2L, "688096", "江苏京源环保股份有限公司", "大连港股份有限公司"),
            (conflict.File, conflict.Line, conflict.Id, conflict.KeptName, conflict.ConflictingName));
        Assert.Empty(plan.Merged);
        var company = plan.Nodes.Single(n => n.Id == "688096");
        Assert.Equal(("江苏京源环保股份有限公司", "2020-04-09", "江苏省"), (company.GetString("fullName"), company.GetString("listedOn"), company.GetString("province")));
        Assert.Equal(["CN-320000"], plan.Relationships.Where(r => r.Type == RelType.LocatedIn && r.StartId == "688096").Select(r => r.EndId));
        Assert.DoesNotContain(plan.Nodes, n => n.Id == "CN-210200");
    }

    [Fact]
    public void Read_RelationRowsOfTheConflictingCompany_AreReportedAndNotAttached()
    {
        WriteLayout(new()
        {
            ["company.json"] = """
                {"name": "京源环保", "fullname": "江苏京源环保股份有限公司", "code": "688096", "location": "上海证券交易所", "time": "2020-04-09"}
                {"name": "大连港", "fullname": "大连港股份有限公司", "code": "688096", "location": "上海证券交易所", "time": "2010-12-06"}
                """,
            ["company_industry.json"] = """{"company_code": "688096.SH", "industry_code": "270100", "industry_name": "半导体", "company_name": "大连港", "rel": "所属行业"}""",
            ["company_product.json"] = """
                {"company_name": "京源环保", "company_code": "688096.SH", "product_name": "特种气体", "rel": "主营产品", "rel_weight": 0.3}
                {"company_name": "大连港", "company_code": "688096.SH", "product_name": "港口装卸", "rel": "主营产品", "rel_weight": 0.9}
                """,
        });

        var plan = Read();

        Assert.Equal(
        [
            ("company.json", 2L, "江苏京源环保股份有限公司", "大连港股份有限公司"),
            ("company_industry.json", 1L, "京源环保", "大连港"),
            ("company_product.json", 2L, "京源环保", "大连港"),
        ], plan.Conflicts.Select(c => (c.File, c.Line, c.KeptName, c.ConflictingName)));
        Assert.Equal(["特种气体"], plan.Relationships.Where(r => r.StartId == "688096" && r.Type == RelType.Makes).Select(r => r.EndId));
        Assert.DoesNotContain(plan.Relationships, r => r.StartId == "688096" && r.Type == RelType.InIndustry);
        Assert.DoesNotContain(plan.Nodes, n => n.Id == "港口装卸");
    }

    [Fact]
    public void Read_PlaceSource_SaysWhetherTheNameOrItsBracketsGaveThePlace()
    {
        WriteLayout(new()
        {
            ["company.json"] = """
                {"name": "邵阳液压", "fullname": "邵阳维克液压股份有限公司", "code": "301079"}
                {"name": "康平科技", "fullname": "康平科技（苏州）股份有限公司", "code": "300907"}
                {"name": "平安银行", "fullname": "平安银行股份有限公司", "code": "000001"}
                """,
        });

        var plan = Read();

        string? Source(string id) => plan.Nodes.Single(n => n.Id == id).GetString("placeSource");
        Assert.Equal(("name", "bracket", null), (Source("301079"), Source("300907"), Source("000001")));
        Assert.DoesNotContain(plan.Relationships, r => r.Type == RelType.LocatedIn && r.StartId == "000001");
        Assert.Contains(plan.Relationships, r => r.Type == RelType.LocatedIn && r.StartId == "300907" && r.EndId == "CN-320500");
    }

    [Fact]
    public void Read_BadStockCode_IsRejectedWithFileLineAndValue()
    {
        WriteLayout(new() { ["company_product.json"] = """{"company_name": "x", "company_code": "12AB", "product_name": "p", "rel": "主营产品", "rel_weight": 0.1}""" });

        var plan = Read();

        Assert.Contains(plan.Rejected, r => r.File == "company_product.json" && r.Line == 1
            && r.Reason == "field 'company_code': expected a 6-digit stock code. Got: '12AB'");
    }

    [Fact]
    public void Read_FolderWithoutTheLayout_IsRefusedNamingTheMissingFiles()
    {
        var error = Assert.Throws<FormatException>(Read);

        Assert.Contains("company.json", error.Message);
    }
}
