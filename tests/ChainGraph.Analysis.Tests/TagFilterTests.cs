using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Testing;

namespace ChainGraph.Analysis.Tests;

/// <summary><c>--tag</c>: only enterprises with one of the tags hold a segment or stand as a candidate, in gaps, compare and rank alike.</summary>
public sealed class TagFilterTests
{
    static readonly TagSet LeadersAndLittleGiants = TagSet.Parse("专精特新，链主");

    static bool Tagged(string id) =>
        DemoSnapshot.Instance.Tags[DemoSnapshot.Instance.IndexOf(id, "id")].Any(t => t is "专精特新" or "链主");

    [Fact]
    public void Parse_TheSameTagsInAnyOrderOrSeparator_IsOneValue()
    {
        Assert.Equal(TagSet.Parse("链主, 专精特新"), TagSet.Parse("专精特新、链主"));
        Assert.Equal(["专精特新", "链主"], LeadersAndLittleGiants.Tags);
        Assert.Same(TagSet.None, TagSet.Parse(" "));
        Assert.True(TagSet.None.Matches([]));
        Assert.False(LeadersAndLittleGiants.Matches(["上市"]));
    }

    [Fact]
    public void Gaps_WithTags_CountAndListOnlyEnterprisesThatHaveOne()
    {
        var snapshot = DemoSnapshot.Instance;
        var chain = ChainSegments.Resolve(snapshot, "lithium-battery");
        var region = RegionFilter.Resolve(snapshot, "常州");

        var all = ChainGapAnalysis.Run(snapshot, chain, region);
        var tagged = ChainGapAnalysis.Run(snapshot, chain, region, ChainGapOptions.Default with { Tags = LeadersAndLittleGiants });

        Assert.All(tagged.Segments.SelectMany(s => s.LocalMakers), id => Assert.True(Tagged(id), id));
        Assert.All(tagged.Segments.SelectMany(s => s.Candidates), c => Assert.True(Tagged(c.Id), c.Id));
        Assert.NotEmpty(tagged.Segments.SelectMany(s => s.Candidates));
        Assert.True(tagged.Segments.Sum(s => s.Local) < all.Segments.Sum(s => s.Local));
        Assert.Equal(all.Segments.Select(s => s.National), tagged.Segments.Select(s => s.National));
    }

    [Fact]
    public void Rank_WithTags_CountsOnlyTaggedMakersInEachCity()
    {
        var snapshot = DemoSnapshot.Instance;
        var chain = ChainSegments.Resolve(snapshot, "lithium-battery");

        var all = RegionRanking.Run(snapshot, chain, RegionLevel.City, top: 400);
        var tagged = RegionRanking.Run(snapshot, chain, RegionLevel.City, top: 400, CompletenessOptions.Default.WithTags(LeadersAndLittleGiants));

        var expected = chain.Segments.Sum(s => s.Makers.Count(m => LeadersAndLittleGiants.Matches(snapshot.Tags[m]) && snapshot.Cities[m] is not null));
        Assert.Equal(expected, tagged.Regions.Sum(r => r.Segments.Sum(s => s.Local)));
        Assert.True(expected < all.Regions.Sum(r => r.Segments.Sum(s => s.Local)));
    }

    [Fact]
    public void Alternatives_WithTags_ListOnlyTaggedMakers_AndKeepEveryonesTotals()
    {
        var snapshot = DemoSnapshot.Instance;
        var lithium = snapshot.IndexOf("碳酸锂", "product");

        var all = AlternativesAnalysis.Run(snapshot, lithium).Items.Single();
        var leaders = AlternativesAnalysis.Run(snapshot, lithium, AlternativesOptions.Default with { Tags = TagSet.Parse("链主") }).Items.Single();

        Assert.Equal(["002460", "002466"], leaders.Makers.Select(m => m.Id).Order());
        Assert.Equal(all.MakerCount, leaders.MakerCount);
        Assert.True(all.Makers.Count > leaders.Makers.Count);
    }
}
