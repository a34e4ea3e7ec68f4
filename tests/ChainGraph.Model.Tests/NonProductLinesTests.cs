using ChainGraph.Model.Products;
using ChainGraph.Testing;

namespace ChainGraph.Model.Tests;

public sealed class NonProductLinesTests
{
    [Theory]
    [InlineData("分部间相互抵减", NonProductKind.Accounting)]
    [InlineData("光伏板块内部交易抵减", NonProductKind.Accounting)]
    [InlineData("内部交易抵销", NonProductKind.Accounting)]
    [InlineData("平衡项目", NonProductKind.Accounting)]
    [InlineData("针剂合计", NonProductKind.Accounting)]
    [InlineData("医药工业分部", NonProductKind.Reporting)]
    [InlineData("装备制造业务板块", NonProductKind.Reporting)]
    [InlineData("铁路运输服务", NonProductKind.Service)]
    [InlineData("钢坯贸易", NonProductKind.Service)]
    [InlineData("融资租赁", NonProductKind.Service)]
    [InlineData("材料销售", NonProductKind.Service)]
    [InlineData("房地产销售", NonProductKind.Service)]
    [InlineData("MW", NonProductKind.Unit)]
    [InlineData("KVA", NonProductKind.Unit)]
    public void ReportLine_IsClassifiedByTheShippedRules(string name, NonProductKind kind) =>
        Assert.Equal(kind, NonProductLines.Default.Classify(name));

    [Theory]
    [InlineData("光刻胶")]
    [InlineData("服务器")]
    [InlineData("移动视频服务器")]
    [InlineData("平衡车")]
    [InlineData("MW陆上型")]
    [InlineData("碳酸锂")]
    [InlineData("光纤预制棒销售")]
    public void Product_IsNotAReportLine(string name) => Assert.Null(NonProductLines.Default.Classify(name));

    [Fact]
    public void MalformedRule_IsRefusedNamingItsLine()
    {
        var error = Assert.Throws<FormatException>(() => NonProductLines.Parse("kind\trule\tpattern\naccounting\tprefix\t抵销\n"));

        Assert.Contains("non-products.tsv:2", error.Message);
        Assert.Contains("'prefix'", error.Message);
    }

    [ChainKgFact]
    public void ChainKnowledgeGraph_HasAFewThousandReportLines_AmongItsProducts()
    {
        var names = File.ReadLines(Path.Combine(SharedData.ChainKg!, "product.json"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()!).ToList();

        var lines = names.Count(n => NonProductLines.Default.Classify(n) is not null);

        Assert.InRange(lines, 3000, 4000);
    }
}
