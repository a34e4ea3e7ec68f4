using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Profile;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Regions;
using ChainGraph.Testing;

namespace ChainGraph.Analysis.Tests;

/// <summary>Compare, rank and profile on the ChainKnowledgeGraph data with the chain templates, and what that data cannot say.</summary>
public sealed class RegionsOnRealDataTests
{
    static ResolvedChain Lithium => ChainSegments.Resolve(ChainKgSnapshot.WithTemplates, "lithium-battery");

    [ChainKgFact]
    public void RankCities_AgreesWithTheGapAnalysisOfEachListedCity()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;

        var report = RegionRanking.Run(snapshot, Lithium, RegionLevel.City, top: 10);

        Assert.Equal(10, report.Regions.Count);
        Assert.True(report.Regions[0].Score > 0);
        foreach (var city in report.Regions)
        {
            var gaps = ChainGapAnalysis.Run(snapshot, Lithium, RegionFilter.Of(ChinaGazetteer.Instance.ByCode(city.Code)!));
            Assert.Equal(gaps.Segments.Select(s => (s.Status, s.Local)), city.Segments.Select(s => (s.Status, s.Local)));
        }
    }

    [ChainKgFact]
    public void RankCounties_HoldsOnlyTheFewMakersWhoseNamesGiveACounty_AndAgreesWithTheGapAnalysis()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;
        var counties = LevelRegions.Of(RegionLevel.County);
        var enterprises = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise).ToList();

        var ranked = ChainSegments.Templates(snapshot).Select(c => (Chain: c, Report: RegionRanking.Run(snapshot, c, RegionLevel.County, top: 3))).ToList();

        // Registered names give a province or city (常州…); only a few a county (常熟市…, 江苏江阴…, 苏州工业园区…).
        Assert.InRange(enterprises.Count(e => counties.IndexOf(snapshot, e) >= 0), 1, enterprises.Count / 20);
        Assert.Contains(ranked, r => r.Report.WithMakers > 0);
        foreach (var (chain, report) in ranked)
        {
            Assert.True(report.Unplaced > report.Makers / 2, $"{chain.Id}: {report.Unplaced} of {report.Makers} makers without a county");
            foreach (var county in report.Regions.Where(r => r.Score > 0))
            {
                var gaps = ChainGapAnalysis.Run(snapshot, chain, RegionFilter.Of(ChinaGazetteer.Instance.ByCode(county.Code)!));
                Assert.Equal(gaps.Segments.Select(s => (s.Status, s.Local)), county.Segments.Select(s => (s.Status, s.Local)));
            }
        }
    }

    [ChainKgFact]
    public void CompareProvinces_GivesEachTheGapAnalysisStatuses()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;
        var provinces = new[] { "江苏", "浙江", "广东" }.Select(p => RegionFilter.Parse(p)).ToList();

        var report = RegionComparison.Run(snapshot, Lithium, provinces);

        for (var k = 0; k < provinces.Count; k++)
        {
            var gaps = ChainGapAnalysis.Run(snapshot, Lithium, provinces[k]);
            Assert.Equal(gaps.Segments.Select(s => s.Status), report.Segments.Select(s => s.Regions[k].Status));
        }
        Assert.All(report.Regions, r => Assert.InRange(r.Score, 0, 100));
    }

    [ChainKgFact]
    public void ProfileOfCatl_PlacesItInNingdeAndAttachesItToTheCellSegmentByItsProducts()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;
        snapshot.TryGetIndex("300750", out var catl);

        var profile = EnterpriseProfileAnalysis.Run(snapshot, catl, limit: 50);

        Assert.Equal(("福建省", "宁德市"), (profile.Place.Province, profile.Place.City));
        Assert.Contains(profile.Chains, c => c.SegmentId == "lithium-battery:cells" && c.Products.Count > 0);
        Assert.Equal(0, profile.CustomersTotal + profile.SuppliersTotal);
    }
}
