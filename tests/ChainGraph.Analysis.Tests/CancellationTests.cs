using ChainGraph.Analysis.Centrality;
using ChainGraph.Analysis.Communities;

namespace ChainGraph.Analysis.Tests;

/// <summary>The long kernels stop when their caller gives up or their budget is spent.</summary>
public sealed class CancellationTests
{
    static Model.Snapshot.GraphSnapshot Ring(int products)
    {
        var graph = new TestGraph();
        for (var i = 0; i < products; i++) graph.Inputs($"p{i}", $"p{(i + 1) % products}");
        return graph.Build();
    }

    [Fact]
    public void Communities_StopWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CommunityAnalysis.Run(Ring(10_000), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Betweenness_StopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CentralityAnalysis.Run(Ring(100), samples: 50, cancellationToken: cancelled.Token));
    }
}
