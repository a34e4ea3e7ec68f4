using ChainGraph.Formats.ChainKg;
using ChainGraph.Model.Import;
using ChainGraph.Server.Graph;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>
/// A real Kestrel server over the ChainKnowledgeGraph data alone (no templates), as `chaingraph import … --format chainkg`
/// and `serve` give it. Where the data is absent it starts nothing: its tests are <see cref="ChainKgFactAttribute"/>s, skipped.
/// </summary>
public sealed class ChainKgServerFixture : ServerFixture
{
    protected override bool CanStart => SharedData.ChainKg is not null;

    protected override async Task LoadAsync(GraphService graph)
    {
        var batch = new GraphBatch();
        new ChainKgReader().Read(SharedData.ChainKg!, batch);
        await graph.WriteAsync(batch);
        await graph.GetSnapshotAsync();
    }
}
