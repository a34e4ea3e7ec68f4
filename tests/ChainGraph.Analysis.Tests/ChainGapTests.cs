using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class ChainGapTests
{
    /// <summary>
    /// A three-segment chain. 常州 has five cell makers (strong), one cathode maker (weak) and
    /// no separator maker (missing); separators are made in 云南, 广东 and 江苏无锡.
    /// </summary>
    static TestGraph Chain()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain)
            .Node("lib:separator", NodeLabel.Segment, "upstream", 1).Node("lib:cathode", NodeLabel.Segment, "upstream", 1)
            .Node("lib:cell", NodeLabel.Segment, "midstream", 2)
            .Products("隔膜", "正极材料", "动力电池");
        foreach (var (segment, product) in new[] { ("lib:separator", "隔膜"), ("lib:cathode", "正极材料"), ("lib:cell", "动力电池") })
            graph.Edge(RelType.PartOf, segment, "lib").Edge(RelType.InSegment, product, segment);
        for (var i = 0; i < 5; i++) graph.Enterprise($"cell{i}").Makes($"cell{i}", "动力电池");
        graph.Enterprise("cathode-local").Makes("cathode-local", "正极材料");
        graph.Enterprise("cathode-far", "湖南省", "长沙市", "CN", "专精特新").Makes("cathode-far", "正极材料");
        graph.Enterprise("semcorp", "云南省", "玉溪市", "CN", "链主").Makes("semcorp", "隔膜", 60).Edge(RelType.Supplies, "semcorp", "cell0").Edge(RelType.Supplies, "semcorp", "cell1");
        graph.Enterprise("senior", "广东省", "深圳市", "CN", "上市").Makes("senior", "隔膜", 30);
        graph.Enterprise("wuxi", "江苏省", "无锡市").Makes("wuxi", "隔膜", 10);
        graph.Node("ic", NodeLabel.InnovationCentre, province: "江苏省", city: "常州市").Edge(RelType.Supports, "ic", "lib:cell");
        return graph;
    }

    static ChainGapReport Run(TestGraph graph, string region)
    {
        var snapshot = graph.Build();
        return ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, "lib"), RegionFilter.Parse(region));
    }

    [Fact]
    public void Candidates_CarryTheirTags_ForTheTargetList()
    {
        var separator = Run(Chain(), "常州").Segments.Single(s => s.Id == "lib:separator");

        Assert.Equal(["链主"], separator.Candidates.Single(c => c.Id == "semcorp").Tags);
        Assert.Equal(["上市"], separator.Candidates.Single(c => c.Id == "senior").Tags);
        Assert.Empty(separator.Candidates.Single(c => c.Id == "wuxi").Tags);
    }

    [Fact]
    public void CityLackingASegment_ReportsItMissingWeakAndStrong()
    {
        var report = Run(Chain(), "常州");

        Assert.Equal("常州市", report.Region);
        Assert.Equal(
            [("lib:cathode", GapStatus.Weak, 1, 2), ("lib:separator", GapStatus.Missing, 0, 3), ("lib:cell", GapStatus.Strong, 5, 5)],
            report.Segments.Select(s => (s.Id, s.Status, s.Local, s.National)));
        Assert.Equal(["ic"], report.Segments[2].InnovationCentres);
        Assert.Empty(report.Segments[2].Candidates);
    }

    [Fact]
    public void MissingSegment_RanksCandidatesByTheDocumentedScoreWithReasons()
    {
        var separator = Run(Chain(), "常州").Segments.Single(s => s.Id == "lib:separator");

        Assert.Equal(["semcorp", "senior", "wuxi"], separator.Candidates.Select(c => c.Id));
        var top = separator.Candidates[0];
        // capacity 0.6·0.30 + 链主 1·0.25 + 2 links (2/3)·0.25 + relief·0.10 + not near
        Assert.Equal("makes 隔膜 (60% of the segment's volume); 链主; already trades with cell0、cell1 in 常州市", top.Why.In(Language.En));
        Assert.Equal(0.18 + 0.25 + 0.25 * 2 / 3.0, top.Score, 3);
        Assert.Contains("same province (江苏省)", separator.Candidates[2].Why.In(Language.En));
        Assert.Contains("segment HHI 0.46→", separator.Candidates[2].Why.In(Language.En));
    }

    [Fact]
    public void CandidateWhoseProductsFeedLocalMakers_IsLinkedAtProductLevel()
    {
        var separator = Run(Chain().Inputs("隔膜", "动力电池"), "常州").Segments.Single(s => s.Id == "lib:separator");

        var why = separator.Candidates.ToDictionary(c => c.Id, c => c.Why.In(Language.En));
        Assert.Contains("already trades with cell0、cell1 in 常州市 and makes inputs of cell2、cell3、cell4", why["semcorp"]);
        Assert.Contains("makes inputs of cell0、cell1、cell2 and 2 more in 常州市", why["wuxi"]);
    }

    [Fact]
    public void CandidateOfTheRegionsProvinceWhoseCityIsUnknown_IsMarkedAndRankedAfterThoseKnownOutside()
    {
        var graph = Chain().Enterprise("unplaced", "江苏省", null).Makes("unplaced", "隔膜", 50);

        var separator = Run(graph, "常州").Segments.Single(s => s.Id == "lib:separator");

        Assert.Equal("unplaced", separator.Candidates[^1].Id);
        Assert.True(separator.Candidates[^1].PlaceUnknown);
        Assert.Contains("city not known (in 江苏省): may already be local", separator.Candidates[^1].Why.In(Language.En));
        Assert.All(separator.Candidates.SkipLast(1), c => Assert.False(c.PlaceUnknown));
    }

    [Fact]
    public void SegmentWithVolumes_TakesItsStatusFromTheLocalShare_AndSaysSo()
    {
        // One local maker with 80% of the volume is strong, though one maker by count would be weak.
        var graph = new TestGraph().Node("c", NodeLabel.Chain).Node("c:cells", NodeLabel.Segment, "midstream", 1).Products("电芯")
            .Edge(RelType.PartOf, "c:cells", "c").Edge(RelType.InSegment, "电芯", "c:cells")
            .Enterprise("catl", "福建省", "宁德市").Makes("catl", "电芯", 80).Enterprise("other", "广东省", "深圳市").Makes("other", "电芯", 20);
        var snapshot = graph.Build();

        var cells = ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, "c"), RegionFilter.Parse("宁德")).Segments.Single();

        Assert.Equal((GapStatus.Strong, "volume", 0.8), (cells.Status, cells.Basis, cells.LocalShare!.Value));
    }

    [Fact]
    public void MakersCapacity_RanksCandidatesWhenVolumesAreUnknown()
    {
        var graph = new TestGraph().Node("c", NodeLabel.Chain).Node("c:sep", NodeLabel.Segment, "upstream", 1).Products("隔膜")
            .Edge(RelType.PartOf, "c:sep", "c").Edge(RelType.InSegment, "隔膜", "c:sep")
            .EnterpriseWithCapacity("small", 35, "广东省", "深圳市", "单项冠军").Makes("small", "隔膜")
            .EnterpriseWithCapacity("large", 70, "云南省", "玉溪市", "单项冠军").Makes("large", "隔膜");
        var snapshot = graph.Build();

        var separator = ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, "c"), RegionFilter.Parse("常州")).Segments.Single();

        Assert.Equal(["large", "small"], separator.Candidates.Select(c => c.Id));
        Assert.Contains("capacity 70 (67% of the segment's known capacity)", separator.Candidates[0].Why.In(Language.En));
        Assert.Equal("capacity", separator.Basis);
    }

    [Fact]
    public void RegionWithNothing_HasEverySegmentMissing()
    {
        var report = Run(Chain(), "西藏");

        Assert.All(report.Segments, s => Assert.Equal(GapStatus.Missing, s.Status));
        Assert.All(report.Segments, s => Assert.NotEmpty(s.Candidates));
    }

    [Fact]
    public void IndustryChain_UsesTheIndustryAndItsUpstreamIndustriesAsSegments()
    {
        var graph = new TestGraph().Node("SW1", NodeLabel.Industry).Node("SW2", NodeLabel.Industry).Node("SW2a", NodeLabel.Industry).Node("SW3", NodeLabel.Industry)
            .Edge(RelType.UpstreamOf, "SW2", "SW1", 5).Edge(RelType.UpstreamOf, "SW3", "SW1", 9).Edge(RelType.Parent, "SW2a", "SW2")
            .Enterprise("e1").Enterprise("e2", "广东省", "深圳市").Edge(RelType.InIndustry, "e1", "SW1").Edge(RelType.InIndustry, "e2", "SW2a");
        var snapshot = graph.Build();

        var chain = ChainSegments.Resolve(snapshot, "SW1");

        Assert.Equal([("SW3", "upstream", 0), ("SW2", "upstream", 1), ("SW1", "midstream", 1)],
            chain.Segments.Select(s => (s.Id, s.Stage, s.Makers.Length)));
    }

    [Fact]
    public void UnknownRegion_IsRefusedWithAHelpfulMessage()
    {
        var error = Assert.Throws<NotFoundException>(() => RegionFilter.Parse("Atlantis"));

        Assert.Contains("Unknown region 'Atlantis'", error.Message);
    }
}
