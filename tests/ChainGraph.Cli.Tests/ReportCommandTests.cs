using ChainGraph.Testing;
using ClosedXML.Excel;

namespace ChainGraph.Cli.Tests;

/// <summary><c>chaingraph report</c> on the demo data.</summary>
public sealed class ReportCommandTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("demo.db");

    [Fact]
    public async Task Report_ToXlsxAndHtml_WritesEachFormatByItsExtension()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);
        var xlsx = folder.File("out/常州锂电池.xlsx");
        var html = folder.File("out/常州锂电池.html");

        var summary = await CliRunner.JsonAsync("report", "--chain", "lithium-battery", "--region", "常州", "--out", xlsx, "--db", Db);
        var (code, text, error) = await CliRunner.RunAsync("report", "--chain", "lithium-battery", "--region", "常州", "--out", html, "--db", Db);

        Assert.Equal(("xlsx", "常州市", 11), (summary.GetProperty("format").GetString(), summary.GetProperty("region").GetString(), summary.GetProperty("segments").GetInt32()));
        using (var book = new XLWorkbook(xlsx)) Assert.Equal("锂电池 · 常州市 产业链招商报告", book.Worksheet("概览").Cell(1, 1).GetString());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", text);
        Assert.Contains("Wrote ", error);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(html));
        Assert.Equal(["常州锂电池.html", "常州锂电池.xlsx"], Directory.GetFiles(folder.File("out")).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("--out", "report.pdf", "lithium-battery", "常州")]
    [InlineData("--chain", "nope", "nope", "常州")]
    [InlineData("--region", "火星", "lithium-battery", "火星")]
    public async Task Report_BadOutUnknownChainOrRegion_ExitsTwoNamingTheOptionAndValue(string field, string value, string chain, string region)
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);
        var output = field == "--out" ? folder.File(value) : folder.File("report.html");

        var error = await CliRunner.JsonAsync("report", "--chain", chain, "--region", region, "--out", output, "--db", Db);

        Assert.Equal(field, error.GetProperty("error").GetProperty("field").GetString());
        Assert.EndsWith(value, error.GetProperty("error").GetProperty("value").GetString());
        Assert.Empty(Directory.GetFiles(folder.Path, "report.*"));
    }
}
