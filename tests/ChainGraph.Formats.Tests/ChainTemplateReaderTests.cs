using ChainGraph.Formats.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Chains;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class ChainTemplateReaderTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    static ImportPlan Read(string path)
    {
        var batch = new GraphBatch();
        new ChainTemplateReader().Read(path, batch);
        return batch.Resolve(new Dictionary<string, NodeLabel>());
    }

    const string Template = """
        {"id":"lib","name":"锂电池","sector":"新能源","industries":["630701"],"segments":[
          {"id":"lib:anode","name":"负极材料","stage":"upstream","order":2,"products":["人造石墨"],
           "match":{"keywords":["负极","石墨化"],"exclude":["电极"]},"feeds":[]}]}
        """;

    [Fact]
    public void ShippedTemplates_ReadWithoutRejects_EachWithASectorAndEverySegmentWithRules()
    {
        var plan = Read(Path.Combine(RepositoryFolder.Root, "graph", "chains"));

        Assert.Empty(plan.Rejected);
        var chains = plan.Nodes.Where(n => n.Label == NodeLabel.Chain).ToList();
        Assert.True(chains.Count >= 12);
        Assert.All(chains, c => Assert.Contains(c.GetString("sector"), StrategicSectors.All));
        Assert.Equal(StrategicSectors.All.Order(), chains.Select(c => c.GetString("sector")!).Distinct().Order());
        Assert.All(plan.Nodes.Where(n => n.Label == NodeLabel.Segment), s =>
        {
            var match = SegmentMatch.Parse(s.GetString("match"));
            Assert.NotEmpty((match.Keywords ?? []).Concat(match.Patterns ?? []).Concat(match.Industries ?? []));
        });
    }

    [Fact]
    public void MatchRulesAndCoveredIndustries_AreKeptAsJsonOnTheSegmentAndTheChain()
    {
        var plan = Read(folder.Write("lib.json", Template));

        var segment = plan.Nodes.Single(n => n.Id == "lib:anode");
        var chain = plan.Nodes.Single(n => n.Id == "lib");
        Assert.Equal(new SegmentMatch(Keywords: ["负极", "石墨化"], Exclude: ["电极"]).ToJson(), segment.GetString("match"));
        Assert.Equal(["630701"], SegmentMatch.Parse(chain.GetString("match")).Industries);
        Assert.Equal("新能源", chain.GetString("sector"));
    }

    [Fact]
    public void APatternThatWouldBacktrack_RunsInLinearTime_AndOneThatNeedsBacktracking_IsRefused()
    {
        var hostile = SegmentMatch.Compile("^(a+)+$")!;

        Assert.DoesNotMatch(hostile, new string('a', 50_000) + "!");
        Assert.Null(SegmentMatch.Compile("^(?=负极).*$"));
    }

    [Fact]
    public void PatternThatDoesNotCompile_IsRejectedNamingTheSegmentAndTheField()
    {
        var plan = Read(folder.Write("lib.json", Template.Replace("\"keywords\"", "\"patterns\":[\"(负极\"],\"keywords\"", StringComparison.Ordinal)));

        var rejected = Assert.Single(plan.Rejected);
        Assert.Equal(("lib.json", "segment 'lib:anode', field 'match.patterns': not a regular expression. Got: (负极"), (rejected.File, rejected.Reason));
        Assert.DoesNotContain(plan.Nodes, n => n.Id == "lib:anode");
    }

    [Fact]
    public void SectorOutsideTheNine_IsRejected()
    {
        var plan = Read(folder.Write("lib.json", Template.Replace("新能源", "白酒", StringComparison.Ordinal)));

        Assert.Contains(plan.Rejected, r => r.Reason.Contains("sector", StringComparison.Ordinal) && r.Reason.Contains("白酒", StringComparison.Ordinal));
    }
}
