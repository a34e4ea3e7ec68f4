using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Analysis.Regions;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Tests;

/// <summary>The parameter rules the command line, REST and the hub share.</summary>
public sealed class RequestValidationTests
{
    [Fact]
    public void EveryProblem_IsReportedTogether_WithFieldValueAndReason()
    {
        var request = new GapsRequest("", "常州", ChainGapOptions.Default with { WeakBelow = 0, Candidates = -1 });

        var error = Assert.Throws<InvalidRequestException>(request.Validate);

        Assert.Equal(["chain", "weakBelow", "candidates"], error.Errors.Select(e => e.Field));
        Assert.Equal("0", error.Errors[1].Value);
        Assert.Equal("must be between 1 and 100,000. Got: 0", error.Errors[1].Message);
    }

    [Theory]
    [InlineData(double.NaN, "must be a finite number. Got: NaN")]
    [InlineData(double.PositiveInfinity, "must be a finite number. Got: Infinity")]
    [InlineData(0.0, "must be greater than 0. Got: 0")]
    [InlineData(101.0, "must be between 0 and 100. Got: 101")]
    public void Resolution_OutsideItsRange_IsRefused(double resolution, string message)
    {
        var error = Assert.Throws<InvalidRequestException>(() => new CommunitiesRequest(Resolution: resolution).Validate());

        Assert.Equal(message, Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        new ChokepointsRequest(null, ChokepointOptions.Default).Validate();
        new CommunitiesRequest().Validate();
        new CentralityRequest().Validate();
        new LinkageRequest("常州", "宁德").Validate();
        new PathsRequest("a", "b").Validate();
        new SelectionRequest(null, null).Validate();
        new SearchRequest("锂", null).Validate();
        new NeighboursRequest("300750", null).Validate();
        new GapsRequest("lithium-battery", "常州", ChainGapOptions.Default).Validate();
    }

    [Fact]
    public void StrongAt_BelowWeakBelow_IsRefused()
    {
        var request = new GapsRequest("c", "r", ChainGapOptions.Default with { WeakBelow = 4, StrongAt = 3 });

        var error = Assert.Throws<InvalidRequestException>(request.Validate);

        Assert.Equal("strongAt", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Paths_NeedAnEndOrASpan()
    {
        var error = Assert.Throws<InvalidRequestException>(() => new PathsRequest("a", null).Validate());

        Assert.Equal("to", Assert.Single(error.Errors).Field);
        new PathsRequest("a", null, Within: 2).Validate();
    }

    [Fact]
    public void Disruption_NeedsIdsOrARegion_AndTrimsTheIds()
    {
        Assert.Throws<InvalidRequestException>(() => new DisruptionRequest(" , ", null, null).Validate());

        Assert.Equal(["a", "b"], new DisruptionRequest(" a, ,b ", null, null).RemovedIds);
    }

    [Fact]
    public void Search_UnknownLabel_IsRefusedNamingTheLabels()
    {
        var error = Assert.Throws<InvalidRequestException>(() => new SearchRequest("锂", "Company").Validate());

        Assert.Equal("label", Assert.Single(error.Errors).Field);
        Assert.Contains("Enterprise", error.Errors[0].Message);
    }

    [Fact]
    public void Coverage_WithoutAChainOrWithAThresholdBelowOne_IsRefused()
    {
        var error = Assert.Throws<InvalidRequestException>(new CoverageRequest("", ChainOptions.Default with { MinUpstreamWeight = 0.5 }).Validate);

        Assert.Equal(["chain", "minUpstreamWeight"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Compare_TooManyOrRepeatedRegionsAndNoChain_AreReportedTogether()
    {
        var regions = string.Join(",", Enumerable.Range(0, CompareRequest.MaxRegions).Select(i => $"r{i}").Append("r0"));

        var error = Assert.Throws<InvalidRequestException>(new CompareRequest("", regions, CompletenessOptions.Default).Validate);

        Assert.Equal([("chain", "is required."), ("regions", "at most 20 regions. Got: 21"), ("regions", "names a region twice.")],
            error.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Compare_SplitsRegionsOnCommasOfEitherWidth() =>
        Assert.Equal(["江苏", "浙江", "广东"], new CompareRequest("lithium-battery", " 江苏，浙江,广东 ", CompletenessOptions.Default).RegionNames);

    [Fact]
    public void Rank_UnknownLevelTopOutOfRangeAndBadWeights_AreReportedTogether()
    {
        var error = Assert.Throws<InvalidRequestException>(new RankRequest("lithium-battery", "district", 0,
            CompletenessOptions.Default with { UpstreamWeight = double.NaN }).Validate);

        Assert.Equal(["level", "top", "stageWeights"], error.Errors.Select(e => e.Field));
        Assert.Equal("must be province, city or county. Got: district", error.Errors[0].Message);
    }

    [Theory]
    [InlineData("county", RegionLevel.County)]
    [InlineData("Province", RegionLevel.Province)]
    [InlineData("1", null)]
    public void Rank_Level_IsANameInAnyCase(string level, RegionLevel? expected) =>
        Assert.Equal(expected, new RankRequest("c", level, 1, CompletenessOptions.Default).RegionLevel);
}
