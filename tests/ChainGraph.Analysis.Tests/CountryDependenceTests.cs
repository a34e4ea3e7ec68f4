using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Countries;
using ChainGraph.Model;
using ChainGraph.Testing;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class CountryDependenceTests
{
    /// <summary>
    /// A chain of two segments: 材料 holds 光刻胶 (JP 60, JP 30, CN 10 by volume) and 硅片 (CN, KR, makers evenly);
    /// 制造 holds 芯片 (CN, and one maker of unknown country).
    /// </summary>
    static TestGraph Chips() => new TestGraph().Products("光刻胶", "硅片", "芯片").Inputs("光刻胶", "芯片").Inputs("硅片", "芯片")
        .Node("JP", NodeLabel.Region).Node("chips", NodeLabel.Chain)
        .Node("材料", NodeLabel.Segment, "upstream", 1).Node("制造", NodeLabel.Segment, "midstream", 2)
        .Edge(RelType.PartOf, "材料", "chips").Edge(RelType.PartOf, "制造", "chips").Edge(RelType.Feeds, "材料", "制造")
        .Edge(RelType.InSegment, "光刻胶", "材料").Edge(RelType.InSegment, "硅片", "材料").Edge(RelType.InSegment, "芯片", "制造")
        .Enterprise("jsr", null, null, "JP").Enterprise("tok", null, null, "JP").Enterprise("nat")
        .Enterprise("nsig", "上海市", "上海市").Enterprise("sk", null, null, "KR").Enterprise("smic", "上海市", "上海市")
        .Enterprise("mystery", null, null, null!)
        .Makes("jsr", "光刻胶", 60).Makes("tok", "光刻胶", 30).Makes("nat", "光刻胶", 10)
        .Makes("nsig", "硅片").Makes("sk", "硅片").Makes("smic", "芯片").Makes("mystery", "芯片");

    static CountryReport Run(TestGraph graph)
    {
        var snapshot = graph.Build();
        return CountryDependenceAnalysis.ForChains(snapshot, [ChainSegments.Resolve(snapshot, "chips")], "chips");
    }

    [Fact]
    public void AProductsSupply_IsSplitByItsMakersCountries_ByVolumeWhereKnown()
    {
        var photoresist = Run(Chips()).Products.Single(p => p.Id == "光刻胶");

        Assert.Equal("volume", photoresist.Basis);
        Assert.Equal([("JP", 0.9, 2), ("CN", 0.1, 1)], photoresist.Countries.Select(c => (c.Country, c.Share, c.Makers)));
        Assert.Equal(0.9, photoresist.ForeignShare);
        Assert.Equal("JP", photoresist.Countries[0].Name);
    }

    [Fact]
    public void MakersOfUnknownCountry_AreTheirOwnPart_NotCountedAsDomestic()
    {
        var chip = Run(Chips()).Products.Single(p => p.Id == "芯片");

        Assert.Equal(0.5, chip.UnknownShare);
        Assert.Equal([("CN", 0.5)], chip.Countries.Select(c => (c.Country, c.Share)));
    }

    [Fact]
    public void ASegmentsSplit_IsTheMeanOverItsProducts_AndTheChainRanksTheCountriesItDependsOn()
    {
        var chain = Run(Chips()).Chains.Single();

        var materials = chain.Segments.Single(s => s.Id == "材料");
        Assert.Equal([("JP", 0.45), ("CN", 0.3), ("KR", 0.25)], materials.Countries.Select(c => (c.Country, c.Share)));
        Assert.Equal((0.7, "JP"), (materials.ForeignShare, materials.TopForeign));
        Assert.Equal(["JP", "KR"], chain.DependsOn.Select(d => d.Country));
        var japan = chain.DependsOn[0];
        Assert.Equal((0.3, 1, 1, 1), (japan.Share, japan.Products, japan.Leads, japan.Majority));
        Assert.Equal(["光刻胶"], japan.MajorityProducts);
    }

    [Fact]
    public void TheProductList_PutsTheMostForeignDependentFirst_AndIsLimited()
    {
        var snapshot = Chips().Build();

        var report = CountryDependenceAnalysis.ForChains(snapshot, [ChainSegments.Resolve(snapshot, "chips")], "chips", top: 2);

        Assert.Equal(["光刻胶", "硅片"], report.Products.Select(p => p.Id));
        Assert.Equal(3, report.ProductsTotal);
    }

    [Fact]
    public void Demo_AutomotiveMcu_IsAllAbroad_SplitOverFiveCountries()
    {
        var snapshot = DemoSnapshot.Instance;

        var report = CountryDependenceAnalysis.ForProduct(snapshot, snapshot.Of("车规级MCU"));

        var mcu = report.Products.Single();
        Assert.Equal(1.0, mcu.ForeignShare);
        Assert.Equal(["CH", "DE", "JP", "NL", "US"], mcu.Countries.Select(c => c.Country));
        Assert.All(mcu.Countries, c => Assert.Equal(0.2, c.Share));
        Assert.Equal(5, report.Countries.Count(d => d.Leads == 1));
        Assert.True(report.ForeignKnown);
    }

    [Fact]
    public void Demo_HighPurityQuartz_DependsOnBelgiumByVolume_AndPhotovoltaicsDependsMostOnIt()
    {
        var snapshot = DemoSnapshot.Instance;

        var report = CountryDependenceAnalysis.ForChains(snapshot, [ChainSegments.Resolve(snapshot, "photovoltaics")], "photovoltaics", top: 1000);

        var quartz = report.Products.Single(p => p.Id == "高纯石英砂");
        Assert.Equal([("BE", 0.65), ("NO", 0.2), ("CN", 0.15)], quartz.Countries.Select(c => (c.Country, c.Share)));
        Assert.Equal("BE", report.Chains.Single().DependsOn[0].Country);
        Assert.Equal("比利时王国", report.Chains.Single().DependsOn[0].Name);
    }

    [ChainKgFact]
    public void RealData_EveryKnownMakerIsDomestic_SoTheAnswerSaysForeignDependenceIsUnknown()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;

        var report = CountryDependenceAnalysis.ForChains(snapshot, ChainSegments.Templates(snapshot), "chains");

        Assert.False(report.ForeignKnown);
        Assert.Contains("无法判断", report.Note.In(Language.Zh), StringComparison.Ordinal);
        Assert.NotEmpty(report.Products);
        Assert.All(report.Products, p => Assert.Equal(0, p.ForeignShare));
        Assert.Empty(report.Countries);
    }
}
