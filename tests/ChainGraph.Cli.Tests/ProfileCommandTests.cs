using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary><c>chaingraph profile</c> on the demo data.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    string Db => folder.File("demo.db");

    [Fact]
    public async Task Profile_OfCatl_GivesItsPlaceChainsTradingPartnersAndClusters()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);

        var profile = await CliRunner.JsonAsync("profile", "300750", "--db", Db);
        var (code, text, _) = await CliRunner.RunAsync("profile", "300750", "--limit", "3", "--lang", "en", "--db", Db);

        Assert.Equal(("宁德时代", "宁德时代新能源科技股份有限公司", "宁德市"),
            (profile.GetProperty("name").GetString(), profile.GetProperty("place").GetProperty("fullName").GetString(), profile.GetProperty("place").GetProperty("city").GetString()));
        Assert.Equal(["链主", "上市"], profile.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(profile.GetProperty("chains").EnumerateArray(), c => c.GetProperty("segmentId").GetString() == "lithium-battery:cells");
        Assert.Equal(12, profile.GetProperty("customersTotal").GetInt32());
        Assert.Contains(profile.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("id").GetString() == "002812");
        Assert.Contains(profile.GetProperty("innovationPartners").EnumerateArray(), p => p.GetProperty("id").GetString() == "ic:catl-enterprise-tech");
        Assert.Equal(["cluster:ningde-lithium-new-energy"], profile.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.NotEmpty(profile.GetProperty("candidate").EnumerateArray());
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("showing 3 of 12 customers (raise --limit to see more)", text);
        Assert.Contains("招商 candidate: 电芯制造 is missing or weak in", text);
    }

    [Fact]
    public async Task Profile_OfAProductOrUnknownId_ExitsTwo()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("demo", "--db", Db)).Code);

        var product = await CliRunner.RunAsync("profile", "动力电池", "--db", Db);
        var unknown = await CliRunner.RunAsync("profile", "999999", "--db", Db, "--lang", "en");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (product.Code, unknown.Code));
        Assert.Contains("「动力电池」是产品，不是企业。", product.Error);
        Assert.Contains("No node with id '999999'.", unknown.Error);
    }
}
