using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>The supply-side verbs on the demo data, through the command line.</summary>
public sealed class SupplyCommandTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("demo.db");

    async Task LoadDemoAsync() => Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);

    [Fact]
    public async Task Alternatives_TopThreeChokepoints_JsonTextAndCsv()
    {
        await LoadDemoAsync();
        var csv = folder.File("alternatives.csv");

        var report = await CliRunner.JsonAsync("analyze", "alternatives", "--top", "3", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "alternatives", "--top", "3", "--db", Db, "--csv", csv);

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("车规级MCU", items[0].GetProperty("id").GetString());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("#1 车规级MCU: 5 known makers (0 domestic)", text);
        Assert.Contains("国产替代", File.ReadAllText(csv));
    }

    [Fact]
    public async Task Alternatives_UnknownProduct_IsBadInputNamingIt()
    {
        await LoadDemoAsync();

        var (code, _, error) = await CliRunner.RunAsync("analyze", "alternatives", "--product", "no-such", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no-such", error);
    }
}
