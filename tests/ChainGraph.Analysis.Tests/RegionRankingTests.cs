using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Regions;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class RegionRankingTests
{
    /// <summary>
    /// A two-segment chain: separators (upstream) made once in 玉溪 and once in 常州's 溧阳 county,
    /// cells (midstream) made five times in 常州 (one in 溧阳) and once in 宁德.
    /// </summary>
    static TestGraph Chain()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain)
            .Node("lib:separator", NodeLabel.Segment, "upstream", 1).Node("lib:cell", NodeLabel.Segment, "midstream", 2)
            .Products("隔膜", "动力电池")
            .Edge(RelType.PartOf, "lib:separator", "lib").Edge(RelType.InSegment, "隔膜", "lib:separator")
            .Edge(RelType.PartOf, "lib:cell", "lib").Edge(RelType.InSegment, "动力电池", "lib:cell")
            .Node("CN-320400", NodeLabel.Region).Node("CN-320481", NodeLabel.Region).Edge(RelType.LocatedIn, "CN-320481", "CN-320400");
        for (var i = 0; i < 5; i++) graph.Enterprise($"cell{i}").Makes($"cell{i}", "动力电池").Edge(RelType.LocatedIn, $"cell{i}", i == 0 ? "CN-320481" : "CN-320400");
        graph.Enterprise("catl", "福建省", "宁德市").Makes("catl", "动力电池");
        graph.Enterprise("semcorp", "云南省", "玉溪市").Makes("semcorp", "隔膜");
        graph.Enterprise("liyang-film").Makes("liyang-film", "隔膜").Edge(RelType.LocatedIn, "liyang-film", "CN-320481");
        return graph;
    }

    [Fact]
    public void RankCities_ScoresEachCityByTheDocumentedFormula_BestFirst()
    {
        var snapshot = Chain().Build();

        var report = RegionRanking.Run(snapshot, ChainSegments.Resolve(snapshot, "lib"), RegionLevel.City, top: 3);

        // Weights: separator 1.2·(1 + HHI 0.5) = 1.8, cells 1.0·(1 + 6·(1/6)²) = 7/6.
        Assert.Equal([1.8, 1.1667], report.Weights.Select(w => w.Weight));
        // 常州: separator weak (1 maker), cells strong (5) → 100·(1.8·0.33 + 7/6·1) / (1.8 + 7/6).
        var changzhou = report.Regions[0];
        Assert.Equal(("常州市", "320400", 59.3), (changzhou.Name, changzhou.Code, changzhou.Score));
        Assert.Equal("2 of 2 segments held (1 strong, 1 weak); weak: lib:separator", changzhou.Why.In(Language.En));
        Assert.Equal("2 个环节中 2 个有本地企业（优势 1 个，薄弱 1 个）；薄弱：lib:separator", changzhou.Why.In(Language.Zh));
        Assert.Equal([("玉溪市", 20.0, "1 of 2 segments held (1 weak); weak: lib:separator; missing: lib:cell"), ("宁德市", 13.0, "1 of 2 segments held (1 weak); weak: lib:cell; missing: lib:separator")],
            report.Regions.Skip(1).Select(r => (r.Name, r.Score, r.Why.In(Language.En))));
        Assert.Equal((LevelRegions.Of(RegionLevel.City).Divisions.Count, 3, 8, 0), (report.Total, report.WithMakers, report.Makers, report.Unplaced));
    }

    [Fact]
    public void RankCounties_CountsWhatIsLocatedInEachCounty_AndMakersWithoutOneAsUnplaced()
    {
        var snapshot = Chain().Build();

        var report = RegionRanking.Run(snapshot, ChainSegments.Resolve(snapshot, "lib"), RegionLevel.County, top: 2);

        var liyang = report.Regions[0];
        Assert.Equal(("常州市溧阳市", "江苏省"), (liyang.Name, liyang.Province));
        Assert.Equal([("lib:separator", GapStatus.Weak, 1), ("lib:cell", GapStatus.Weak, 1)], liyang.Segments.Select(s => (s.Id, s.Status, s.Local)));
        Assert.Equal(0, report.Regions[1].Score);
        Assert.Equal("no maker of the chain", report.Regions[1].Why.In(Language.En));
        Assert.Equal((1, 6), (report.WithMakers, report.Unplaced));
    }

    [Fact]
    public void Rank_GivesEveryRegionTheStatusesTheGapAnalysisGivesIt()
    {
        var snapshot = Chain().Build();
        var chain = ChainSegments.Resolve(snapshot, "lib");

        foreach (var level in Enum.GetValues<RegionLevel>())
        {
            foreach (var ranked in RegionRanking.Run(snapshot, chain, level, top: 10).Regions)
            {
                var gaps = ChainGapAnalysis.Run(snapshot, chain, RegionFilter.Of(ChinaGazetteer.Instance.ByCode(ranked.Code)!));
                Assert.Equal(gaps.Segments.Select(s => (s.Status, s.Local)), ranked.Segments.Select(s => (s.Status, s.Local)));
            }
        }
    }

    [Fact]
    public void Compare_PutsRegionsSideBySide_WithTheGapStatusesAndTheRankingsScore()
    {
        var snapshot = Chain().Build();
        var chain = ChainSegments.Resolve(snapshot, "lib");

        var report = RegionComparison.Run(snapshot, chain, [RegionFilter.Parse("常州"), RegionFilter.Parse("宁德"), RegionFilter.Parse("溧阳")]);

        Assert.Equal([("常州市", 59.3), ("宁德市", 13.0), ("常州市溧阳市", 33.0)], report.Regions.Select(r => (r.Name, r.Score)));
        var cells = report.Segments.Single(s => s.Id == "lib:cell");
        Assert.Equal([(GapStatus.Strong, 5, 0.8333), (GapStatus.Weak, 1, 0.1667), (GapStatus.Weak, 1, 0.1667)],
            cells.Regions.Select(r => (r.Status, r.Makers, r.MakerShare)));
        Assert.Equal(RegionRanking.Run(snapshot, chain, RegionLevel.City, 1).Regions[0].Score, report.Regions[0].Score);
        Assert.Equal(["lib:separator"], report.Regions[1].Missing);
    }
}
