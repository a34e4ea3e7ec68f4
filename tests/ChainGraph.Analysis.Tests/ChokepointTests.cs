using ChainGraph.Analysis.Chokepoints;

namespace ChainGraph.Analysis.Tests;

public sealed class ChokepointTests
{
    [Fact]
    public void SingleSourcedForeignInputDominatingDownstream_RanksFirstAndSaysWhy()
    {
        var graph = new TestGraph().Inputs("光刻胶", "晶圆", "芯片").Inputs("硅片", "晶圆")
            .Enterprise("jsr", null, null, "JP").Makes("jsr", "光刻胶")
            .Enterprise("a").Enterprise("b", "广东省", "深圳市").Makes("a", "硅片").Makes("b", "硅片")
            .Enterprise("fab1").Enterprise("fab2").Makes("fab1", "晶圆").Makes("fab2", "晶圆");

        var report = ChokepointAnalysis.Run(graph.Build());

        Assert.Equal(["jsr", "光刻胶"], report.Items.Take(2).Select(i => i.Id));
        var top = report.Items[1];
        Assert.Equal(("光刻胶", "Product", 1, 1.0), (top.Id, top.Label, top.Suppliers, top.ForeignShare));
        Assert.Equal("only maker: jsr; all makers abroad", top.Why);
        Assert.Contains(report.Items, i => i.Id == "jsr" && i.Why.StartsWith("only maker of 光刻胶", StringComparison.Ordinal));
        Assert.Equal(["晶圆"], report.ArticulationPoints);
        Assert.Equal("concentrated: 2 makers, HHI 0.50; 100% of supply in 江苏省; dominates 1 product; articulation point of the supply network",
            report.Items.Single(i => i.Id == "晶圆").Why);
    }

    [Fact]
    public void ConcentratedInput_IsFlaggedAboveTheThreshold()
    {
        var graph = new TestGraph().Products("稀土").Enterprise("big").Enterprise("small").Makes("big", "稀土", 90).Makes("small", "稀土", 10);

        var item = ChokepointAnalysis.Run(graph.Build()).Items.Single(i => i.Id == "稀土");

        Assert.Equal(0.82, item.Hhi, 6);
        Assert.StartsWith("concentrated: 2 makers, HHI 0.82", item.Why, StringComparison.Ordinal);
    }
}
