using ChainGraph.Analysis.Alternatives;
using ChainGraph.Model;
using ChainGraph.Testing;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class AlternativesTests
{
    /// <summary>
    /// 光刻胶 made 60/30 in Japan and 10 in 常州; 电子束胶 replaces it in 晶圆 (substitute group 1);
    /// 湿化学品 is another kind of 电子化学品, as 光刻胶 is.
    /// </summary>
    static TestGraph Photoresist() => new TestGraph().Products("光刻胶", "电子束胶", "晶圆", "电子化学品", "湿化学品")
        .Edge(RelType.InputTo, "光刻胶", "晶圆", 1).Edge(RelType.InputTo, "电子束胶", "晶圆", 1)
        .Edge(RelType.SubtypeOf, "光刻胶", "电子化学品").Edge(RelType.SubtypeOf, "湿化学品", "电子化学品")
        .Enterprise("jsr", null, null, "JP").Enterprise("tok", null, null, "JP").Enterprise("nat")
        .Enterprise("ebeam", "广东省", "深圳市").Enterprise("wet", "浙江省", "杭州市")
        .Makes("jsr", "光刻胶", 60).Makes("tok", "光刻胶", 30).Makes("nat", "光刻胶", 10)
        .Makes("ebeam", "电子束胶").Makes("wet", "湿化学品");

    static InputAlternatives For(TestGraph graph, string product)
    {
        var snapshot = graph.Build();
        return AlternativesAnalysis.Run(snapshot, snapshot.Of(product)).Items.Single();
    }

    [Fact]
    public void Makers_ComeDomesticFirst_WithTheirShareOfVolume()
    {
        var item = For(Photoresist(), "光刻胶");

        Assert.Equal(("volume", 0.9), (item.Basis, item.ForeignShare));
        Assert.Equal([("nat", 0.1, true), ("jsr", 0.6, false), ("tok", 0.3, false)], item.Makers.Select(m => (m.Id, m.Share, m.Domestic)));
        Assert.Equal((3, 1), (item.MakerCount, item.DomesticMakers));
    }

    [Fact]
    public void Substitutes_AreTheOtherInputsOfItsGroup_ThenItsSiblingsUnderTheSameParent()
    {
        var item = For(Photoresist(), "光刻胶");

        Assert.Equal([("电子束胶", "substituteGroup", "晶圆", (int?)1), ("湿化学品", "sibling", "电子化学品", null)],
            item.Substitutes.Select(s => (s.Id, s.Kind, s.Via, s.Group)));
        Assert.Equal(["ebeam"], item.Substitutes[0].Makers.Select(m => m.Id));
    }

    [Fact]
    public void ASubstituteNoOneIsKnownToMake_IsCounted_NotListed()
    {
        var item = For(Photoresist().Products("无名胶").Edge(RelType.SubtypeOf, "无名胶", "电子化学品"), "光刻胶");

        Assert.DoesNotContain(item.Substitutes, s => s.Id == "无名胶");
        Assert.Equal((2, 1), (item.SubstitutesTotal, item.SubstitutesWithoutMakers));
    }

    [Fact]
    public void ForeignDependentInput_ListsDomesticSubstitutes_StrongestEvidenceFirst()
    {
        var item = For(Photoresist(), "光刻胶");

        Assert.NotNull(item.DomesticSubstitution);
        Assert.Equal([("nat", 1.0), ("ebeam", 0.8), ("wet", 0.6)], item.DomesticSubstitution.Select(c => (c.Id, c.Score)));
        Assert.Equal("生产电子束胶：在晶圆中可替代光刻胶（替代组 1）", item.DomesticSubstitution[1].Evidence.Single().In(Language.Zh));
        Assert.StartsWith("对外依存：90%", item.Status.In(Language.Zh), StringComparison.Ordinal);
    }

    [Fact]
    public void InputMostlyMadeAtHome_GetsNoDomesticSubstitutionList()
    {
        var graph = Photoresist().Makes("nat", "电子束胶").Enterprise("big").Makes("big", "光刻胶", 900);

        var item = For(graph, "光刻胶");

        Assert.Null(item.DomesticSubstitution);
        Assert.Equal(0.09, item.ForeignShare);
        Assert.StartsWith("非对外依存", item.Status.In(Language.Zh), StringComparison.Ordinal);
    }

    [Fact]
    public void DataWithNoMakerAbroad_SaysForeignDependenceIsUnknown_NotZero()
    {
        var graph = new TestGraph().Inputs("隔膜", "电池").Enterprise("a").Enterprise("b", "广东省", "深圳市").Makes("a", "隔膜").Makes("b", "隔膜");

        var item = For(graph, "隔膜");

        Assert.Null(item.ForeignShare);
        Assert.Null(item.DomesticSubstitution);
        Assert.Contains("无法判断对外依存", item.Status.In(Language.Zh), StringComparison.Ordinal);
        Assert.Equal("makers", item.Basis);
    }

    [Fact]
    public void WithoutVolumes_SharesFollowCapacity_WhenEveryMakerHasOne()
    {
        var graph = new TestGraph().Products("隔膜").EnterpriseWithCapacity("semcorp", 70, "云南省", "玉溪市").EnterpriseWithCapacity("senior", 30, "广东省", "深圳市")
            .Makes("semcorp", "隔膜").Makes("senior", "隔膜");

        var item = For(graph, "隔膜");

        Assert.Equal("capacity", item.Basis);
        Assert.Equal([("semcorp", 0.7, (double?)70), ("senior", 0.3, 30)], item.Makers.Select(m => (m.Id, m.Share, m.Capacity)));
    }

    [Fact]
    public void ANodeThatIsNoProduct_IsRefusedByName()
    {
        var snapshot = Photoresist().Build();

        var error = Assert.Throws<ChainGraph.Model.Requests.NotFoundException>(() => AlternativesAnalysis.Run(snapshot, snapshot.Of("jsr")));

        Assert.Equal("product", error.Field);
    }

    [Fact]
    public void Demo_AutomotiveMcu_IsForeignOnly_AndDomesticCandidatesComeFromItsSegment()
    {
        var snapshot = DemoSnapshot.Instance;

        var item = AlternativesAnalysis.Run(snapshot, snapshot.Of("车规级MCU")).Items.Single();

        Assert.Equal((1.0, 5, 0), (item.ForeignShare, item.MakerCount, item.DomesticMakers));
        Assert.NotNull(item.DomesticSubstitution);
        Assert.NotEmpty(item.DomesticSubstitution);
        Assert.All(item.DomesticSubstitution, c => Assert.Contains("车规芯片与传感器", c.Evidence[0].In(Language.Zh), StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_TopThreeChokepoints_EachGetAlternatives_InRankOrder()
    {
        var report = AlternativesAnalysis.ForChokepoints(DemoSnapshot.Instance);

        Assert.Equal(3, report.Items.Count);
        var ranks = report.Items.Select(i => i.Rank!.Value).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.All(report.Items, i => Assert.False(string.IsNullOrEmpty(i.Why?.In(Language.Zh))));
        Assert.All(report.Items, i => Assert.True(i.MakerCount > 0));
    }

    [Fact]
    public void Demo_GranularSilicon_HasItsOneMaker_AndNoSibling_ForItsParentHasNoOtherKind()
    {
        var snapshot = DemoSnapshot.Instance;

        var item = AlternativesAnalysis.Run(snapshot, snapshot.Of("颗粒硅")).Items.Single();

        Assert.Equal(["ent:gcl-tech"], item.Makers.Select(m => m.Id));
        Assert.Empty(item.Substitutes);
    }

    [ChainKgFact]
    public void RealData_MadeSiblingsUnderTheSameCategoryAreSubstitutes_AndForeignDependenceIsUnknown()
    {
        var snapshot = ChainKgSnapshot.Instance;
        var children = snapshot.In(RelType.SubtypeOf);
        var product = Enumerable.Range(0, snapshot.NodeCount).First(v => snapshot.Labels[v] == NodeLabel.Product
            && snapshot.In(RelType.Makes).Degree(v) > 0 && snapshot.Out(RelType.SubtypeOf).Degree(v) > 0
            && children.Neighbours(snapshot.Out(RelType.SubtypeOf).Neighbours(v)[0]).ToArray().Any(s => s != v && snapshot.In(RelType.Makes).Degree(s) > 0));

        var item = AlternativesAnalysis.Run(snapshot, product).Items.Single();

        Assert.Contains(item.Substitutes, s => s.Kind == "sibling");
        Assert.Null(item.ForeignShare);
        Assert.Null(item.DomesticSubstitution);
        Assert.All(item.Makers, m => Assert.Equal("CN", m.Country));
    }
}
