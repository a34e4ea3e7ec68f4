using System.Text;
using ChainGraph.Formats.Csv;
using ChainGraph.Model;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

/// <summary>CSV for spreadsheets is formula-safe; CSV for data interchange is byte-faithful.</summary>
public sealed class CsvTextTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+1e5", "+1e5")]
    [InlineData("宁德时代", "宁德时代")]
    [InlineData("", "")]
    public void SpreadsheetSafe_PrefixesFormulaStarters_ButNotPlainNumbers(string cell, string safe) =>
        Assert.Equal(safe, CsvText.SpreadsheetSafe(cell));

    [Fact]
    public void AnAnalysisTable_NeutralisesEveryFormulaCell()
    {
        var text = Encoding.UTF8.GetString(CsvText.Table(["name", "share"], [["=1+1", "-0.25"], ["@x", "ok"]]));

        Assert.Equal("\uFEFFname,share\r\n'=1+1,-0.25\r\n'@x,ok\r\n", text);
    }

    [Fact]
    public async Task TheAdminImportExport_KeepsAFormulaLikeNameByteForByte()
    {
        GraphNode[] nodes = [new("p1", NodeLabel.Product, new Dictionary<string, object> { ["name"] = "=SUM(1,2)" })];

        var files = await AdminImportCsvWriter.WriteAsync(folder.File("out"), nodes.ToAsyncEnumerable(), AsyncEnumerable.Empty<GraphRelationship>());

        Assert.Contains("\"=SUM(1,2)\"", await File.ReadAllTextAsync(files.Single(f => Path.GetFileName(f).StartsWith("nodes_", StringComparison.Ordinal))));
    }
}
