using System.Net;
using System.Text.Json.Nodes;

namespace ChainGraph.Server.Tests;

/// <summary>Compare, rank and the enterprise profile over REST on the demo data: the same answers as the command line.</summary>
public sealed class RegionAndProfileApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await server.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Compare_GivesOneEntryPerRegionForEverySegment()
    {
        var report = await GetJsonAsync("/api/analyses/compare?chain=lithium-battery&regions=" + Uri.EscapeDataString("常州,宁德,宜宾"));

        Assert.Equal(["常州市", "宁德市", "宜宾市"], report["regions"]!.AsArray().Select(r => (string?)r!["name"]));
        Assert.All(report["segments"]!.AsArray(), s => Assert.Equal(3, s!["regions"]!.AsArray().Count));
    }

    [Fact]
    public async Task Rank_Counties_ScoresEveryCountyLevelDivision()
    {
        var report = await GetJsonAsync("/api/analyses/rank?chain=lithium-battery&level=county&top=5");

        Assert.Equal("county", (string?)report["level"]);
        Assert.Equal(5, report["regions"]!.AsArray().Count);
        Assert.True((int)report["total"]! > 2500);
    }

    [Fact]
    public async Task CompareAndRank_AsCsv_AreTheCommandLinesTables()
    {
        var compare = await server.Http.GetStringAsync("/api/analyses/compare?format=csv&chain=lithium-battery&regions=" + Uri.EscapeDataString("常州,宁德"));
        var rank = await server.Http.GetStringAsync("/api/analyses/rank?format=csv&chain=lithium-battery&level=city&top=3");

        var compareLines = compare.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("环节,阶段,全国,常州市,宁德市", compareLines[0]);
        Assert.StartsWith("得分,,,26.9,", compareLines[^1]);
        var rankLines = rank.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("排名,代码,地区,省份,得分,理由", 4), (rankLines[0], rankLines.Length));
        Assert.StartsWith("1,440300,深圳市,广东省,46.5,", rankLines[1]);
    }

    [Fact]
    public async Task AmbiguousOrUnknownRegion_Is400_TheAmbiguousOneWithTheChoices()
    {
        var ambiguous = await server.Http.GetAsync("/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("鼓楼"));
        var unknown = await server.Http.GetAsync("/api/analyses/compare?chain=lithium-battery&regions=" + Uri.EscapeDataString("常州,Atlantis"));

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("南京市鼓楼区（320106）", await ambiguous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("未知地区「Atlantis」", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Profile_OfCatl_MatchesTheCommandLinesShape()
    {
        var profile = await GetJsonAsync("/api/enterprises/300750/profile?limit=2");
        var product = await server.Http.GetAsync("/api/enterprises/" + Uri.EscapeDataString("动力电池") + "/profile");

        Assert.Equal(("宁德时代", "宁德时代新能源科技股份有限公司"), ((string?)profile["name"], (string?)profile["place"]!["fullName"]));
        Assert.Equal(2, profile["customers"]!.AsArray().Count);
        Assert.Equal(12, (int)profile["customersTotal"]!);
        Assert.Equal(HttpStatusCode.NotFound, product.StatusCode);
    }

    [Fact]
    public async Task Profile_OfAnIdTheGraphDoesNotHold_IsNotFound()
    {
        var missing = await server.Http.GetAsync("/api/enterprises/no-such-enterprise/profile");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no-such-enterprise", await missing.Content.ReadAsStringAsync());
    }
}
