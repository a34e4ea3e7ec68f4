using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Model;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class ChokepointTests
{
    static readonly ChokepointOptions Everything = ChokepointOptions.Default with { Scope = ChokepointScope.All };

    [Fact]
    public void SingleSourcedForeignInputThatAProductNeeds_RanksFirstWithItsMakerAndSaysWhy()
    {
        var graph = new TestGraph().Inputs("光刻胶", "晶圆", "芯片").Inputs("硅片", "晶圆")
            .Enterprise("jsr", null, null, "JP").Makes("jsr", "光刻胶")
            .Enterprise("a").Enterprise("b", "广东省", "深圳市").Makes("a", "硅片").Makes("b", "硅片")
            .Enterprise("fab1").Enterprise("fab2").Makes("fab1", "晶圆").Makes("fab2", "晶圆");

        var report = ChokepointAnalysis.Run(graph.Build(), options: Everything);

        Assert.Equal(["jsr", "光刻胶"], report.Items.Take(2).Select(i => i.Id));
        var top = report.Items[1];
        Assert.Equal(("光刻胶", "Product", 1, 1.0), (top.Id, top.Label, top.Suppliers, top.ForeignShare));
        Assert.Equal("only known maker: jsr; all known makers abroad; 1 product depends on it, made by 2 enterprises", top.Why.In(Language.En));
        Assert.StartsWith("only known maker of 光刻胶; abroad (JP)", report.Items[0].Why.In(Language.En), StringComparison.Ordinal);
        Assert.Equal(["晶圆"], report.ArticulationPoints);
        Assert.Equal("concentrated: 2 known makers, HHI 0.50; 100% of supply in 江苏省; 1 product depends on it; articulation point of the supply network",
            report.Items.Single(i => i.Id == "晶圆").Why.In(Language.En));
        Assert.DoesNotContain(report.Items, i => i.Id == "芯片");
    }

    [Fact]
    public void WithTags_OnlyWhatTaggedEnterprisesHoldIsListed_WithTheWholeRankingsScores()
    {
        var graph = new TestGraph().Inputs("光刻胶", "晶圆").Inputs("硅片", "晶圆").Inputs("靶材", "晶圆")
            .Enterprise("jsr", null, null, "JP").Makes("jsr", "光刻胶")
            .Enterprise("little", "江苏省", "无锡市", "CN", "专精特新").Makes("little", "硅片")
            .Enterprise("champion", "浙江省", "宁波市", "CN", "单项冠军").Makes("champion", "靶材")
            .Enterprise("fab").Makes("fab", "晶圆");

        var all = ChokepointAnalysis.Run(graph.Build(), options: Everything);
        var tagged = ChokepointAnalysis.Run(graph.Build(), options: Everything with { Tags = TagSet.Parse("专精特新") });

        Assert.Equal(["little", "硅片"], tagged.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(tagged.Items, i => Assert.Equal(all.Items.Single(a => a.Id == i.Id).Score, i.Score));
        Assert.Contains(all.Items, i => i.Id == "光刻胶");
    }

    [Fact]
    public void ConcentratedInput_IsFlaggedAboveTheThreshold()
    {
        var graph = new TestGraph().Inputs("稀土", "永磁体").Enterprise("big").Enterprise("small").Makes("big", "稀土", 90).Makes("small", "稀土", 10);

        var item = ChokepointAnalysis.Run(graph.Build(), options: Everything).Items.Single(i => i.Id == "稀土");

        Assert.Equal(0.82, item.Hhi, 6);
        Assert.StartsWith("concentrated: 2 known makers, HHI 0.82", item.Why.In(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void SubstituteThatNothingDependsOn_AndAnEnterpriseThatOnlyBuys_AreNoChokepoints()
    {
        // 颗粒硅 and 棒状硅 replace each other into 单晶硅 (substitute group 1); 海外电池厂 buys and makes nothing.
        var graph = new TestGraph().Products("颗粒硅", "棒状硅", "单晶硅")
            .Edge(RelType.InputTo, "颗粒硅", "单晶硅", 1).Edge(RelType.InputTo, "棒状硅", "单晶硅", 1)
            .Enterprise("gcl").Makes("gcl", "颗粒硅").Enterprise("rod1").Enterprise("rod2").Makes("rod1", "棒状硅").Makes("rod2", "棒状硅")
            .Enterprise("buyer", null, null, "KR").Edge(RelType.Supplies, "rod1", "buyer").Edge(RelType.Supplies, "buyer", "rod2");

        var ids = ChokepointAnalysis.Run(graph.Build(), options: Everything).Items.Select(i => i.Id).ToList();

        Assert.DoesNotContain("颗粒硅", ids);
        Assert.DoesNotContain("gcl", ids);
        Assert.DoesNotContain("buyer", ids);
    }

    [Fact]
    public void ByDefault_OnlyTheStrategicIndustriesInputsRank_NotFood()
    {
        // SW270100 半导体 is strategic (新一代信息技术); SW340400 食品加工 is not.
        var graph = new TestGraph().Node("SW270100", NodeLabel.Industry).Node("SW340400", NodeLabel.Industry)
            .Inputs("光刻胶", "芯片").Inputs("大豆", "豆腐")
            .Enterprise("resist").Makes("resist", "光刻胶").Enterprise("fab").Makes("fab", "芯片").Edge(RelType.InIndustry, "fab", "SW270100")
            .Enterprise("farm").Makes("farm", "大豆").Enterprise("food").Makes("food", "豆腐").Edge(RelType.InIndustry, "food", "SW340400")
            .Edge(RelType.InIndustry, "resist", "SW270100");

        var strategic = ChokepointAnalysis.Run(graph.Build());
        var all = ChokepointAnalysis.Run(graph.Build(), options: Everything);

        Assert.Contains(strategic.Items, i => i.Id == "光刻胶");
        Assert.DoesNotContain(strategic.Items, i => i.Id == "大豆");
        Assert.Equal("strategic", strategic.Scope);
        Assert.Contains(all.Items, i => i.Id == "大豆");
    }

    [Fact]
    public void ReportLinesThatAreNotProducts_NeverRank()
    {
        var graph = new TestGraph().Inputs("分部间抵销", "晶圆").Inputs("技术服务", "晶圆").Enterprise("x").Makes("x", "分部间抵销").Makes("x", "技术服务");

        var report = ChokepointAnalysis.Run(graph.Build(), options: Everything);

        Assert.Empty(report.Items);
        Assert.Equal(2, report.Coverage!.NonProductLines);
    }

    [Fact]
    public void ShareMadeAbroad_IsUnknown_WhenTheDataHoldsNoMakerAbroad()
    {
        var graph = new TestGraph().Inputs("碳酸锂", "正极材料").Enterprise("a").Makes("a", "碳酸锂");

        var report = ChokepointAnalysis.Run(graph.Build(), options: Everything);

        Assert.Null(report.Items.Single(i => i.Id == "碳酸锂").ForeignShare);
        Assert.False(report.Coverage!.ForeignKnown);
        Assert.Contains("foreign dependence unknown", report.Coverage.Summary().In(Language.En));
    }
}
