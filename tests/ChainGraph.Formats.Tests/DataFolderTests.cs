using ChainGraph.Formats.ChainKg;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

/// <summary>Where the real-data tests look for ChainKnowledgeGraph, and what their skip reason says.</summary>
public sealed class DataFolderTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ChainKg_VariableNamesAFolderWithTheData_IsThatFolder()
    {
        foreach (var file in ChainKgReader.Files) folder.Write(Path.Combine("data", file), "");

        var found = DataFolder.ChainKg(folder.File("data"), "/repo");

        Assert.Null(found.MissingReason);
        Assert.Equal(folder.File("data"), found.Found);
    }

    [Fact]
    public void ChainKg_VariableNamesAFolderWithoutTheData_SkipReasonNamesTheFolderAndTheVariable()
    {
        folder.Write("company.json", "");

        var found = DataFolder.ChainKg(folder.Path, "/repo");

        Assert.Null(found.Found);
        Assert.Contains(folder.Path, found.MissingReason);
        Assert.Contains("CHAINGRAPH_DATA", found.MissingReason);
        Assert.Contains("product.json", found.MissingReason);
        Assert.DoesNotContain("company.json", found.MissingReason);
    }

    [Fact]
    public void ChainKg_VariableRelative_IsTakenFromTheRepositoryRoot()
    {
        var found = DataFolder.ChainKg("data/chainkg", "/work/repo");

        Assert.Equal("/work/repo/data/chainkg", found.Path);
        Assert.Equal("No ChainKnowledgeGraph data at /work/repo/data/chainkg, the folder CHAINGRAPH_DATA names (no such folder).",
            found.MissingReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ChainKg_VariableUnset_LooksInSharedDataBesideTheRepository(string? variable)
    {
        var found = DataFolder.ChainKg(variable, "/nonexistent/repo");

        Assert.Equal("/nonexistent/shared/data/chainkg", found.Path);
        Assert.Equal("No ChainKnowledgeGraph data at /nonexistent/shared/data/chainkg (no such folder): set CHAINGRAPH_DATA to its folder.",
            found.MissingReason);
    }
}
