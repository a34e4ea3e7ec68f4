using ChainGraph.Application.Presentation.Report;

namespace ChainGraph.Application.Tests;

/// <summary>The analyses' reasons as the report shows them, in Chinese.</summary>
public sealed class ReasonTextTests
{
    [Theory]
    [InlineData("makes 碳酸锂、氢氧化锂 (2/2 of the segment's products); 链主; already trades with 江苏当升 in 常州市 and makes inputs of 常州锂源",
        "生产碳酸锂、氢氧化锂（环节 2 种产品中的 2 种）；链主；已与常州市的江苏当升有供货往来，并为常州锂源供应上游投入品")]
    [InlineData("makes 隔膜 (60% of the segment's volume); 链主; already trades with cell0、cell1、cell2 and 2 more in 常州市; segment HHI 0.46→0.52; same province (江苏省)",
        "生产隔膜（占环节产量 60%）；链主；已与常州市的cell0、cell1、cell2等（另 2 家）有供货往来；环节集中度 HHI 0.46→0.52；同省（江苏省）")]
    [InlineData("makes 负极; capacity 12.5 (20% of the segment's known capacity); city not known (in 江苏省): may already be local",
        "生产负极；产能 12.5（占环节已知产能 20%）；城市不明（在江苏省）：可能已在本地")]
    [InlineData("only known maker: 恩捷; all known makers abroad; 1 product depends on it, made by 1 enterprise; articulation point of the supply network",
        "唯一已知生产商：恩捷；已知生产商全在境外；1 种产品依赖它，涉及 1 家企业；供应网络的关节点")]
    [InlineData("concentrated: 3 known makers with segment 隔膜, HHI 0.62; 85% of supply in 云南省; 4 products depend on it, in 1 chain",
        "供给集中：已知生产商 3 家（按环节隔膜计），HHI 0.62；85% 的供给在云南省；4 种产品依赖它，在 1 条产业链中")]
    public void KnownClauses_AreSaidInChinese(string why, string chinese) => Assert.Equal(chinese, ReasonText.Chinese(why));

    [Fact]
    public void UnknownClause_StaysAsTheAnalysisWroteIt()
    {
        Assert.Equal("链主；a new kind of reason", ReasonText.Chinese("链主; a new kind of reason"));
        Assert.Equal("", ReasonText.Chinese(null));
    }
}
