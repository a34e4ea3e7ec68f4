using ChainGraph.Analysis.Concentration;

namespace ChainGraph.Analysis.Tests;

public sealed class ConcentrationTests
{
    [Fact]
    public void UnknownVolumes_CountAsEqualShares()
    {
        var graph = new TestGraph().Products("隔膜");
        foreach (var e in new[] { "a", "b", "c", "d" }) graph.Enterprise(e).Makes(e, "隔膜");
        var snapshot = graph.Build();

        var figures = SupplierConcentration.OfProduct(snapshot, snapshot.Of("隔膜"));

        Assert.Equal(4, figures.Makers);
        Assert.Equal(0.25, figures.Hhi, 6);
        Assert.False(figures.ByVolume);
    }

    [Fact]
    public void KnownVolumes_GiveVolumeShares_ForeignShareAndTopProvince()
    {
        var graph = new TestGraph().Products("银浆")
            .Enterprise("dupont", null, null, "US").Enterprise("dk", "江苏省", "常州市").Enterprise("sz", "广东省", "深圳市");
        graph.Makes("dupont", "银浆", 80).Makes("dk", "银浆", 10).Makes("sz", "银浆", 10);
        var snapshot = graph.Build();

        var figures = SupplierConcentration.OfProduct(snapshot, snapshot.Of("银浆"));

        Assert.Equal(0.66, figures.Hhi, 6);
        Assert.Equal(0.8, figures.ForeignShare, 6);
        Assert.True(figures.ByVolume);
        Assert.Equal("广东省", figures.TopProvince); // a tie at 10%: the first name in ordinal order
        Assert.Equal(0.1, figures.TopProvinceShare, 6);
    }

    [Fact]
    public void NoMakers_GiveNoFigures()
    {
        var snapshot = new TestGraph().Products("p").Build();

        Assert.Equal(ConcentrationFigures.None, SupplierConcentration.OfProduct(snapshot, snapshot.Of("p")));
    }
}
