using ChainGraph.Analysis.Profile;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

public sealed class EnterpriseProfileTests
{
    /// <summary>
    /// semcorp (玉溪市红塔区) alone makes 隔膜 and with liyang (常州) makes 电芯; it sells to cell0 and
    /// cell1, buys from supplier, partners a centre and belongs to a cluster.
    /// </summary>
    static TestGraph Graph()
    {
        var graph = new TestGraph().Node("lib", NodeLabel.Chain)
            .Node("lib:separator", NodeLabel.Segment, "upstream", 1).Node("lib:cell", NodeLabel.Segment, "midstream", 2)
            .Products("隔膜", "电芯", "其他")
            .Edge(RelType.PartOf, "lib:separator", "lib").Edge(RelType.InSegment, "隔膜", "lib:separator")
            .Edge(RelType.PartOf, "lib:cell", "lib").Edge(RelType.InSegment, "电芯", "lib:cell")
            .Node("CN-530400", NodeLabel.Region).Node("CN-530402", NodeLabel.Region).Edge(RelType.LocatedIn, "CN-530402", "CN-530400")
            .Enterprise("semcorp", "云南省", "玉溪市", "CN", "链主").Edge(RelType.LocatedIn, "semcorp", "CN-530402")
            .Makes("semcorp", "隔膜").Makes("semcorp", "电芯").Makes("semcorp", "其他")
            .Enterprise("liyang").Makes("liyang", "电芯")
            .Enterprise("cell0").Enterprise("cell1").Enterprise("supplier", "广东省", "深圳市")
            .Edge(RelType.Supplies, "semcorp", "cell1", 5).Edge(RelType.Supplies, "semcorp", "cell0").Edge(RelType.Supplies, "supplier", "semcorp")
            .Node("ic", NodeLabel.InnovationCentre, province: "云南省", city: "玉溪市").Edge(RelType.Partners, "ic", "semcorp")
            .Node("cluster:yx", NodeLabel.Cluster).Edge(RelType.MemberOf, "semcorp", "cluster:yx");
        return graph;
    }

    [Fact]
    public void Profile_GathersPlaceChainsTradingPartnersAndClusters()
    {
        var snapshot = Graph().Build();

        var profile = EnterpriseProfileAnalysis.Run(snapshot, snapshot.Of("semcorp"), limit: 1);

        Assert.Equal(("云南省", "玉溪市", "红塔区", "CN-530402"), (profile.Place.Province, profile.Place.City, profile.Place.County, profile.Place.RegionId));
        Assert.Equal(["链主"], profile.Tags);
        Assert.Equal([("lib:separator", "template", "隔膜"), ("lib:cell", "template", "电芯")],
            profile.Chains.Select(c => (c.SegmentId, c.Rule, string.Join("、", c.Products))));
        Assert.Equal([("cell0", (double?)null)], profile.Customers.Select(c => (c.Id, c.Volume)));
        Assert.Equal(2, profile.CustomersTotal);
        Assert.Equal([("supplier", (double?)null)], profile.Suppliers.Select(s => (s.Id, s.Volume)));
        Assert.Equal(["ic"], profile.InnovationPartners.Select(p => p.Id));
        Assert.Equal(["cluster:yx"], profile.Clusters.Select(c => c.Id));
    }

    [Fact]
    public void Profile_NamesTheChainProductsItAloneMakes_AndTheCitiesWhereItIsACandidate()
    {
        var snapshot = Graph().Build();
        var cities = LevelRegions.Of(RegionLevel.City).Divisions.Count;

        var profile = EnterpriseProfileAnalysis.Run(snapshot, snapshot.Of("semcorp"), limit: 10);

        Assert.Equal([("隔膜", 1, "only known maker of 隔膜"), ("电芯", 2, "one of 2 known makers of 电芯, HHI 0.50 (concentrated)")],
            profile.Chokepoints.Select(c => (c.ProductId, c.Makers, c.Why.In(Language.En))));
        // Separators: nowhere but its own city. Cells: weak in 常州 (liyang, one maker) as everywhere else but its own city.
        Assert.Equal([("lib:separator", cities - 1), ("lib:cell", cities - 1)], profile.Candidate.Select(c => (c.SegmentId, c.Cities)));
        Assert.Equal($"lib:separator is missing or weak in {cities - 1:N0} of {cities:N0} cities", profile.Candidate[0].Why.In(Language.En));
    }

    [Fact]
    public void Profile_OfAProduct_IsRefusedAsNotAnEnterprise()
    {
        var snapshot = Graph().Build();

        var error = Assert.Throws<NotFoundException>(() => EnterpriseProfileAnalysis.Run(snapshot, snapshot.Of("隔膜"), limit: 10));

        Assert.Equal(("id", "'隔膜' is a Product, not an enterprise."), (error.Field, error.Message));
    }
}
