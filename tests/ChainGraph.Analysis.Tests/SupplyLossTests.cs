using ChainGraph.Analysis.Disruption;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Testing;

namespace ChainGraph.Analysis.Tests;

/// <summary>The share-weighted part of a disruption: how much of each product's supply is cut, and who loses their inputs.</summary>
public sealed class SupplyLossTests
{
    /// <summary>多晶硅 made 60/30/10 by volume → 硅片 → 组件; 银浆 → 组件; 银浆 made by two enterprises without volume.</summary>
    static TestGraph Solar() => new TestGraph().Inputs("多晶硅", "硅片", "组件").Inputs("银浆", "组件")
        .Enterprise("tongwei").Enterprise("gcl", "江苏省", "徐州市").Enterprise("daqo", "新疆维吾尔自治区", "石河子市")
        .Enterprise("paste1").Enterprise("paste2", "广东省", "深圳市").Enterprise("wafer").Enterprise("module")
        .Makes("tongwei", "多晶硅", 60).Makes("gcl", "多晶硅", 30).Makes("daqo", "多晶硅", 10)
        .Makes("paste1", "银浆").Makes("paste2", "银浆").Makes("wafer", "硅片").Makes("module", "组件");

    static (GraphSnapshot Snapshot, DisruptionReport Report) Run(TestGraph graph, string[] remove, double threshold = 0.5)
    {
        var snapshot = graph.Build();
        return (snapshot, DisruptionAnalysis.Run(snapshot, remove.Select(snapshot.Of).ToList(), options: new DisruptionOptions { InputLossThreshold = threshold }));
    }

    static Dictionary<string, ProductSupplyLoss> ByProduct(GraphSnapshot snapshot, DisruptionReport report) =>
        report.Supply.ToDictionary(p => snapshot.Ids[p.Product]);

    [Fact]
    public void RemovingTheLargestMaker_CutsItsShareOfVolume_AndBoundsEverythingDownstream()
    {
        var (snapshot, report) = Run(Solar(), ["tongwei"]);

        var supply = ByProduct(snapshot, report);
        Assert.Equal(("volume", 0.6, false), (supply["多晶硅"].Basis, supply["多晶硅"].Share, supply["多晶硅"].Lost));
        Assert.Equal(("inputs", 0.6, "多晶硅"), (supply["硅片"].Basis, supply["硅片"].Share, snapshot.Ids[supply["硅片"].Via!.Value]));
        Assert.Equal(0.6, supply["组件"].Share);
        Assert.Empty(report.LostProducts);
        Assert.DoesNotContain("银浆", supply.Keys);
    }

    [Fact]
    public void WithoutVolumes_MakersCountEvenly_AndTheWorstInputDecides()
    {
        var (snapshot, report) = Run(Solar(), ["paste1", "daqo"]);

        var supply = ByProduct(snapshot, report);
        Assert.Equal(("makers", 0.5, 1, 2), (supply["银浆"].Basis, supply["银浆"].Share, supply["银浆"].MakersLost, supply["银浆"].Makers));
        Assert.Equal(0.1, supply["多晶硅"].Share, 6);
        Assert.Equal((0.5, "银浆"), (supply["组件"].Share, snapshot.Ids[supply["组件"].Via!.Value]));
    }

    [Fact]
    public void WithCapacities_TheShareFollowsCapacity()
    {
        var graph = new TestGraph().Products("隔膜").EnterpriseWithCapacity("semcorp", 70, "云南省", "玉溪市").EnterpriseWithCapacity("senior", 30, "广东省", "深圳市")
            .Makes("semcorp", "隔膜").Makes("senior", "隔膜");

        var (snapshot, report) = Run(graph, ["senior"]);

        Assert.Equal(("capacity", 0.3), (ByProduct(snapshot, report)["隔膜"].Basis, ByProduct(snapshot, report)["隔膜"].Share));
    }

    [Fact]
    public void ASubstituteGroup_LosesOnlyWhatItsBestRemainingInputLoses()
    {
        var graph = new TestGraph().Products("三元正极", "磷酸铁锂", "电池").Enterprise("ncm").Enterprise("lfp1").Enterprise("lfp2").Enterprise("catl")
            .Makes("ncm", "三元正极").Makes("lfp1", "磷酸铁锂").Makes("lfp2", "磷酸铁锂").Makes("catl", "电池")
            .Edge(RelType.InputTo, "三元正极", "电池", 1).Edge(RelType.InputTo, "磷酸铁锂", "电池", 1);

        var (snapshot1, onlyNcm) = Run(graph, ["ncm"]);
        var (snapshot2, ncmAndHalfLfp) = Run(graph, ["ncm", "lfp1"]);

        Assert.DoesNotContain("电池", ByProduct(snapshot1, onlyNcm).Keys);
        Assert.Equal((0.5, "磷酸铁锂"), (ByProduct(snapshot2, ncmAndHalfLfp)["电池"].Share, snapshot2.Ids[ByProduct(snapshot2, ncmAndHalfLfp)["电池"].Via!.Value]));
    }

    [Fact]
    public void EnterprisesLosingAtLeastTheThresholdOfTheirInputs_AreListed_MostExposedFirst()
    {
        // module needs 硅片 (cut 60%) and 银浆 (not cut): 30% of its inputs; wafer needs 多晶硅 only: 60%.
        var (snapshot, atHalf) = Run(Solar(), ["tongwei"]);
        var (_, atQuarter) = Run(Solar(), ["tongwei"], 0.25);

        Assert.Equal(["wafer"], atHalf.Exposed.Select(e => snapshot.Ids[e.Enterprise]));
        Assert.Equal(["wafer", "module"], atQuarter.Exposed.Select(e => snapshot.Ids[e.Enterprise]));
        var module = atQuarter.Exposed[1];
        Assert.Equal((2, 1, 0.3), (module.Inputs, module.InputsHit, Math.Round(module.InputShareLost, 6)));
    }

    [Fact]
    public void PurchasesFromRemovedSuppliers_CountByVolume()
    {
        var graph = Solar().Edge(RelType.Supplies, "tongwei", "wafer", 900).Edge(RelType.Supplies, "gcl", "wafer", 100);

        var (snapshot, report) = Run(graph, ["tongwei"], 0.7);

        var wafer = Assert.Single(report.Exposed);
        Assert.Equal(("wafer", 0.9), (snapshot.Ids[wafer.Enterprise], wafer.PurchasesLost));
    }

    [Fact]
    public void Demo_RemovingTongwei_CutsItsVolumeShareOfPolysilicon_AndTheIngotsDownstream()
    {
        var snapshot = DemoSnapshot.Instance;

        var report = DisruptionAnalysis.Run(snapshot, [snapshot.Of("600438")]);

        var supply = ByProduct(snapshot, report);
        Assert.Equal(("volume", false), (supply["多晶硅"].Basis, supply["多晶硅"].Lost));
        Assert.Equal(380.0 / 1010, supply["多晶硅"].Share, 6);
        Assert.True(supply["单晶硅棒"].Share >= supply["多晶硅"].Share - 1e-9);
        Assert.Contains(report.Supply, p => p.Share is > 0 and < 1);
    }

    [Fact]
    public void Demo_EveryLostProduct_HasItsWholeSupplyCut()
    {
        var snapshot = DemoSnapshot.Instance;

        var report = DisruptionAnalysis.Run(snapshot, new[] { "603260", "ent:east-hope", "600596" }.Select(snapshot.Of).ToList());

        var supply = report.Supply.ToDictionary(p => p.Product);
        Assert.NotEmpty(report.LostProducts);
        Assert.All(report.LostProducts, p => Assert.Equal((1.0, true), (supply[p].Share, supply[p].Lost)));
        Assert.All(report.Supply.Where(p => p.Share >= 1), p => Assert.Contains(p.Product, report.LostProducts));
    }

    [ChainKgFact]
    public void RealData_WithoutVolumesOrCapacities_ShareIsTheMakersRemoved_OrAnInputsLoss()
    {
        var snapshot = ChainKgSnapshot.Instance;
        var makes = snapshot.Out(RelType.Makes);
        var biggest = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Enterprise).MaxBy(makes.Degree);

        var report = DisruptionAnalysis.Run(snapshot, [biggest]);

        Assert.NotEmpty(report.Supply);
        Assert.All(report.Supply, p => Assert.Contains(p.Basis, new[] { "makers", "inputs" }));
        Assert.All(report.Supply.Where(p => p.Basis == "makers"), p => Assert.Equal((double)p.MakersLost / p.Makers, p.Share, 9));
        Assert.All(report.Supply.Where(p => p.Basis == "inputs"), p => Assert.NotNull(p.Via));
    }
}
