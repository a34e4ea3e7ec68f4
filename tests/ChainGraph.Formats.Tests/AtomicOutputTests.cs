using ChainGraph.Formats.Csv;
using ChainGraph.Formats.GraphMl;
using ChainGraph.Formats.JsonLines;
using ChainGraph.Model;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class AtomicOutputTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WriteFile_NodesThrowMidWrite_LeavesNoPartialFileAndKeepsTheEarlierOne()
    {
        var path = folder.Write("graph.jsonl", "the earlier export\n");

        // JSON Lines writes each node as it comes, so the temporary file already holds a thousand lines.
        await Assert.ThrowsAsync<IOException>(() =>
            AtomicOutput.WriteFileAsync(path, stream => JsonLinesWriter.WriteAsync(stream, Nodes(1000, StoreFails), NoRelationships())));

        Assert.Equal("the earlier export\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task WriteFile_CancelledMidWrite_LeavesNoFile()
    {
        var path = folder.File("graph.jsonl");
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicOutput.WriteFileAsync(path,
            stream => JsonLinesWriter.WriteAsync(stream, Nodes(1000, cancellation.Cancel), NoRelationships(), cancellation.Token),
            cancellation.Token));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task WriteFile_GraphMlOverAnEarlierFile_ReplacesIt()
    {
        var path = folder.Write("graph.graphml", "the earlier export");

        await AtomicOutput.WriteFileAsync(path, stream => GraphMlWriter.WriteAsync(stream, Nodes(3), NoRelationships()));

        Assert.StartsWith("<?xml", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task WriteFolder_CsvRelationshipsThrow_KeepsTheEarlierExportIntact()
    {
        var export = folder.File("export");
        await AdminImportCsvWriter.WriteAsync(export, Nodes(3), NoRelationships());
        var before = File.ReadAllText(Path.Combine(export, "nodes_Product.csv"));

        await Assert.ThrowsAsync<IOException>(() => AdminImportCsvWriter.WriteAsync(export, Nodes(5), Relationships(StoreFails)));

        Assert.Equal(before, File.ReadAllText(Path.Combine(export, "nodes_Product.csv")));
        Assert.Equal([export], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task WriteFolder_OverAnEarlierExport_ReplacesItWhole()
    {
        var export = folder.File("export");
        await AdminImportCsvWriter.WriteAsync(export, Nodes(3), Relationships());

        await AdminImportCsvWriter.WriteAsync(export, Nodes(3), NoRelationships());

        // The earlier rels file would otherwise be imported along with the new export.
        Assert.Equal(["nodes_Product.csv"], Directory.GetFiles(export).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteFolder_FolderHoldingOtherFiles_IsRefusedAndLeftAsItWas()
    {
        var notes = folder.Write("export/notes.txt", "mine");

        var error = await Assert.ThrowsAsync<IOException>(() => AdminImportCsvWriter.WriteAsync(folder.File("export"), Nodes(3), NoRelationships()));

        Assert.Contains("Got: 'notes.txt'", error.Message);
        Assert.Equal([notes], Directory.GetFileSystemEntries(folder.File("export")));
        Assert.Equal([folder.File("export")], Directory.GetFileSystemEntries(folder.Path));
    }

    /// <summary>Products p0…p{count-1}, then <paramref name="afterwards"/> (a failure, a cancellation) and one more.</summary>
    static async IAsyncEnumerable<GraphNode> Nodes(int count, Action? afterwards = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return Product(i);
        }
        if (afterwards is null) yield break;
        afterwards();
        yield return Product(count);
    }

    static GraphNode Product(int i) => new($"p{i}", NodeLabel.Product, new Dictionary<string, object> { ["name"] = $"产品{i}" });

    static void StoreFails() => throw new IOException("the store went away");

    static async IAsyncEnumerable<GraphRelationship> Relationships(Action? afterwards = null)
    {
        await Task.Yield();
        yield return new GraphRelationship(RelType.InputTo, "p0", "p1", new Dictionary<string, object>());
        afterwards?.Invoke();
    }

    static IAsyncEnumerable<GraphRelationship> NoRelationships() => AsyncEnumerable.Empty<GraphRelationship>();
}
