using System.Text.RegularExpressions;
using ChainGraph.Model;
using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>The statements under graph/ cover the graph contract and declare exactly the parameters they use.</summary>
public sealed partial class CypherCatalogTests
{
    [Fact]
    public void Counts_ListEveryLabelAndType()
    {
        var nodes = CypherCatalog.Get("count-nodes").Text;
        var relationships = CypherCatalog.Get("count-relationships").Text;

        Assert.All(GraphSchema.Labels.Select(GraphSchema.Name), l => Assert.Contains($"MATCH (n:{l}) RETURN '{l}' AS label", nodes));
        Assert.All(GraphSchema.RelTypes.Select(GraphSchema.Name), t => Assert.Contains($"MATCH ()-[r:{t}]->() RETURN '{t}' AS type", relationships));
    }

    [Fact]
    public void EveryLabel_HasItsPageStatementAndIdConstraint()
    {
        var schema = string.Join('\n', CypherCatalog.Schema.Select(s => s.Text));

        Assert.Contains($"FOR (n:{Neo4jGraphStore.CommonLabel}) REQUIRE n.id IS UNIQUE", schema);
        Assert.All(GraphSchema.Labels.Select(GraphSchema.Name), l =>
        {
            Assert.Contains($"MATCH (n:{l})", CypherCatalog.Get($"get-nodes-{l}").Text);
            Assert.Contains($"FOR (n:{l}) REQUIRE n.id IS UNIQUE", schema);
        });
    }

    [Fact]
    public void EveryStatement_DeclaresExactlyTheParametersItUses()
    {
        Assert.All(CypherCatalog.Queries.Values.Concat(CypherCatalog.Schema), statement =>
        {
            var used = ParameterUse().Matches(Code(statement)).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.True(used.SetEquals(statement.Parameters), $"{statement.Name} uses [{string.Join(", ", used)}] but declares [{string.Join(", ", statement.Parameters)}]");
        });
    }

    [Fact]
    public void ChangeStamp_LivesOnAMetaNodeThatNoGraphStatementMatches()
    {
        var stampStatements = new[] { "renew-change-stamp", "get-change-stamp" };

        Assert.All(stampStatements, name =>
        {
            Assert.Contains("(m:ChainGraphMeta {key: 'stamp'})", Code(CypherCatalog.Get(name)));
            Assert.DoesNotContain(Neo4jGraphStore.CommonLabel, Code(CypherCatalog.Get(name)));
        });
        Assert.All(CypherCatalog.Queries.Where(q => !stampStatements.Contains(q.Key)), q => Assert.DoesNotContain("ChainGraphMeta", Code(q.Value)));
    }

    [Fact]
    public void Split_EndsStatementsAtSemicolonsThatEndALine_AndDropsThem()
    {
        var statements = CypherCatalog.Split("schema", "// a\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// $p: b\nRETURN $p;\n");

        Assert.Equal(["schema#1", "schema#2"], statements.Select(s => s.Name));
        Assert.Equal("// $p: b\nRETURN $p", statements[1].Text);
        Assert.Equal(["p"], statements[1].Parameters);
        Assert.Equal(11, CypherCatalog.Schema.Count);
    }

    /// <summary>The statement without its comment lines.</summary>
    static string Code(CypherStatement statement) =>
        string.Join('\n', statement.Text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex ParameterUse();
}
