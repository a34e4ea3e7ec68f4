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
        var (code, text, _) = await CliRunner.RunAsync("analyze", "alternatives", "--top", "3", "--lang", "en", "--db", Db, "--csv", csv);

        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("车规级MCU", items[0].GetProperty("id").GetString());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("#1 车规级MCU: 5 known makers (0 domestic), 0 substitutes with makers", text);
        Assert.Contains("domestic substitute", File.ReadAllText(csv));
    }

    [Fact]
    public async Task Alternatives_UnknownProduct_IsBadInputNamingIt()
    {
        await LoadDemoAsync();

        var (code, _, error) = await CliRunner.RunAsync("analyze", "alternatives", "--product", "no-such", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no-such", error);
    }

    [Fact]
    public async Task SupplyLoss_RemovingTongwei_CutsPolysiliconByVolume_AndTheDisruptionJsonCarriesTheSameShares()
    {
        await LoadDemoAsync();

        var loss = await CliRunner.JsonAsync("analyze", "supply-loss", "--remove", "600438", "--threshold", "0.9", "--db", Db);
        var disruption = await CliRunner.JsonAsync("analyze", "disruption", "--remove", "600438", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "supply-loss", "--remove", "600438", "--lang", "en", "--db", Db);

        var polysilicon = loss.GetProperty("supply").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "多晶硅");
        Assert.Equal(("volume", 0.3762), (polysilicon.GetProperty("basis").GetString(), polysilicon.GetProperty("share").GetDouble()));
        Assert.Equal(0.9, loss.GetProperty("inputLossThreshold").GetDouble());
        Assert.All(loss.GetProperty("exposed").EnumerateArray(), e => Assert.True(e.GetProperty("share").GetDouble() >= 0.9));
        Assert.Equal(loss.GetProperty("supply").GetRawText(), disruption.GetProperty("supply").GetRawText());
        Assert.Empty(disruption.GetProperty("lostProducts").EnumerateArray());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("(0 wholly, 10 partly)", text);
    }

    [Fact]
    public async Task SupplyLoss_ThresholdOutOfRange_IsBadInput()
    {
        await LoadDemoAsync();

        var (code, _, error) = await CliRunner.RunAsync("analyze", "supply-loss", "--remove", "600438", "--threshold", "1.5", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("threshold", error);
    }

    [Fact]
    public async Task Countries_OfTheNevChain_ShowTheChipSegmentAbroadAndTheCountriesItDependsOn()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "countries", "--chain", "new-energy-vehicles", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "countries", "--chain", "new-energy-vehicles", "--top", "5", "--lang", "en", "--db", Db);

        var chain = report.GetProperty("chains").EnumerateArray().Single();
        var chips = chain.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "new-energy-vehicles:chips-sensors");
        Assert.True(chips.GetProperty("foreignShare").GetDouble() > 0.5);
        Assert.NotEmpty(chain.GetProperty("dependsOn").EnumerateArray());
        Assert.Equal("车规级MCU", report.GetProperty("products")[0].GetProperty("id").GetString());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("新能源汽车: ", text);
        Assert.Contains("depends most on", text);
    }

    [Fact]
    public async Task Carriers_InChangzhou_ListTheChokepointsItsEnterprisesNeedWithoutALocalCarrier()
    {
        await LoadDemoAsync();

        var report = await CliRunner.JsonAsync("analyze", "carriers", "--region", "常州", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("analyze", "carriers", "--lang", "en", "--db", Db);

        var changzhou = report.GetProperty("regions").EnumerateArray().Single();
        Assert.Equal("常州市", changzhou.GetProperty("region").GetString());
        Assert.True(changzhou.GetProperty("relevant").GetInt32() > 0);
        Assert.Contains("高纯石英砂", report.GetProperty("unaddressed").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("have no innovation carrier", text);
        Assert.Contains("chokepoints without a local carrier", text);
        Assert.Contains("个没有任何创新载体支撑", (await CliRunner.RunAsync("analyze", "carriers", "--db", Db)).Out);
    }
}
