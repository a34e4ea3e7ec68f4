using ChainGraph.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>
/// Every statement the Neo4j store runs passes Neo4j's own Cypher linter, and the check provably
/// fails on a broken statement. The project's build installs the linter (npm ci in tests/cypher-lint);
/// without it they fail, saying so.
/// </summary>
public sealed class CypherLintTests
{
    [Fact]
    public async Task Lint_EveryStatementUnderGraph_HasNoErrors()
    {
        var (exitCode, output) = await CypherLint.RunAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains(": 0 errors", output);
    }

    [Fact]
    public async Task Lint_BrokenStatement_FailsNamingTheFileAndTheError()
    {
        using var folder = new TempDirectory();
        folder.Write("broken.cypher", "// $id: STRING\nMATCH (n:ChainNode {id: $id})\nRETURN n.name AS name,\n");

        var (exitCode, output) = await CypherLint.RunAsync(folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.cypher:3:", output);
        Assert.Contains(": error: ", output);
    }

    [Fact]
    public async Task Lint_UndeclaredParameter_Fails()
    {
        using var folder = new TempDirectory();
        folder.Write("undeclared.cypher", "// $id: STRING\nMATCH (n:ChainNode {id: $id})\nRETURN n.name AS name, $limit AS limit\n");

        var (exitCode, output) = await CypherLint.RunAsync(folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("undeclared.cypher:3:24: error: Parameter $limit is not defined.", output);
    }
}
