using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Tests;

/// <summary>The parameter rules of the supply-side queries, shared by the command line and REST.</summary>
public sealed class SupplyRequestTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        new AlternativesRequest(null).Validate();
        new AlternativesRequest("车规级MCU").Validate();
        new CountriesRequest().Validate();
        new CarriersRequest().Validate();
        new DisruptionRequest("600438", null, null).Validate();
    }

    [Fact]
    public void Alternatives_ProductAndChainTogether_AndLimitsOutOfRange_AreReportedTogether()
    {
        var error = Assert.Throws<InvalidRequestException>(new AlternativesRequest("x", "y", 0, 201).Validate);

        Assert.Equal(["chain", "top", "limit"], error.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Disruption_ThresholdOutside0To1_IsRefused(double threshold)
    {
        var error = Assert.Throws<InvalidRequestException>(new DisruptionRequest("600438", null, null) { Threshold = threshold }.Validate);

        Assert.Equal("threshold", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Countries_And_Carriers_RefuseTopOutOfRange()
    {
        Assert.Equal("top", Assert.Single(Assert.Throws<InvalidRequestException>(new CountriesRequest(Top: 0).Validate).Errors).Field);
        Assert.Equal("top", Assert.Single(Assert.Throws<InvalidRequestException>(new CarriersRequest(Top: 1001).Validate).Errors).Field);
        Assert.Equal("chain", Assert.Single(Assert.Throws<InvalidRequestException>(new CountriesRequest("p", "c").Validate).Errors).Field);
    }

    [Fact]
    public void Requests_AreTheirOwnCacheKeys_TheThresholdIncluded()
    {
        Assert.Equal(new AlternativesRequest("a", null, 3, 20), new AlternativesRequest("a"));
        Assert.NotEqual(new DisruptionRequest("a", null, null), new DisruptionRequest("a", null, null) { Threshold = 0.2 });
    }
}
