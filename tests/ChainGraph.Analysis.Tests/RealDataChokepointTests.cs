using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Scope;
using ChainGraph.Testing;
using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Tests;

/// <summary>The chokepoint ranking read as an analyst reads it, on the real data.</summary>
public sealed class RealDataChokepointTests
{
    static readonly string[] FarmAndFood = ["大豆", "豆腐", "土豆", "猪肉", "花生", "葡萄", "鱿鱼", "白菜", "香菇", "苹果", "小麦", "辣椒", "蛋白质"];

    [ChainKgFact]
    public void TopTwenty_AreInputsOfTheStrategicIndustries_NotFarmProduceOrReportLines()
    {
        var snapshot = ChainKgSnapshot.Instance;
        var facts = SnapshotFacts.Of(snapshot);

        var report = ChokepointAnalysis.Run(snapshot, options: ChokepointOptions.Default with { Top = 20 });

        Assert.Equal(20, report.Items.Count);
        Assert.All(report.Items, i => Assert.True(facts.Strategic[snapshot.Of(i.Id)], $"{i.Name} is not of a strategic industry"));
        Assert.All(report.Items, i => Assert.DoesNotContain(i.Name, FarmAndFood));
        Assert.All(report.Items, i => Assert.True(i.Dependents > 0, $"nothing depends on {i.Name}"));
        Assert.All(report.Items.Where(i => i.Label == "Product" && i.Suppliers == 1), i => Assert.StartsWith("only known maker: ", i.Why.In(Language.En), StringComparison.Ordinal));
    }

    [ChainKgFact]
    public void Coverage_SaysListedCompaniesOnly_AndThatForeignDependenceIsUnknown()
    {
        var report = ChokepointAnalysis.Run(ChainKgSnapshot.Instance, options: ChokepointOptions.Default with { Top = 5 });

        Assert.True(report.Coverage!.ListedOnly);
        Assert.False(report.Coverage.ForeignKnown);
        Assert.All(report.Items, i => Assert.Null(i.ForeignShare));
        Assert.True(report.Coverage.NonProductLines > 3000);
        Assert.Contains("listed companies only", report.Coverage.Summary().In(Language.En));
    }
}
