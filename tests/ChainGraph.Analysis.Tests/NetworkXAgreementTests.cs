using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainGraph.Analysis.Dominators;
using ChainGraph.Analysis.Structure;
using ChainGraph.Model;
using ChainGraph.Testing;

namespace ChainGraph.Analysis.Tests;

/// <summary>
/// Articulation points, bridges and dominator counts on the real ChainKnowledgeGraph agree exactly
/// with NetworkX 3.6.1, recorded in tests/reference/chainkg-chokepoints.json by
/// tests/reference/networkx_chokepoints.py (see tests/reference/README.md).
/// </summary>
public sealed class NetworkXAgreementTests
{
    static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "reference", "chainkg-chokepoints.json"))).RootElement;

    [ChainKgFact]
    public void ArticulationPointsAndBridges_MatchNetworkX()
    {
        var snapshot = ChainKgSnapshot.Instance;

        var result = ArticulationPoints.Find(UndirectedNetwork.SupplyNetwork(snapshot));
        var names = result.Points.Select(v => snapshot.Names[v]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Reference.GetProperty("articulationPointCount").GetInt32(), names.Count);
        Assert.Equal(Reference.GetProperty("bridgeCount").GetInt32(), result.Bridges.Count);
        Assert.Equal(Reference.GetProperty("articulationPointsSha256").GetString(), Sha256(string.Join('\n', names)));
    }

    [ChainKgFact]
    public void DominatorCounts_MatchNetworkX()
    {
        var snapshot = ChainKgSnapshot.Instance;

        var tree = DominatorAnalysis.Compute(snapshot);
        var counts = Enumerable.Range(0, snapshot.NodeCount).Where(v => tree.Dominates[v] > 0)
            .Select(v => (Name: snapshot.Names[v], Count: tree.Dominates[v])).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var unreachable = Enumerable.Range(0, snapshot.NodeCount)
            .Count(v => snapshot.Labels[v] == NodeLabel.Product && tree.ImmediateDominator[v] == -1);

        Assert.Equal(Reference.GetProperty("dominatorsCount").GetInt32(), counts.Count);
        Assert.Equal(Reference.GetProperty("unreachable").GetInt32(), unreachable);
        Assert.Equal(("复合肥", 435), counts.MaxBy(p => p.Count));
        Assert.Equal(Reference.GetProperty("dominatesSha256").GetString(), Sha256(string.Join('\n', counts.Select(p => $"{p.Name}\t{p.Count}"))));
    }

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
