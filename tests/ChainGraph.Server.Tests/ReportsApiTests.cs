using System.Net;
using ClosedXML.Excel;

namespace ChainGraph.Server.Tests;

/// <summary>GET /api/reports through a real Kestrel server on the demo data.</summary>
public sealed class ReportsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    const string Query = "/api/reports?chain=lithium-battery&region=%E5%B8%B8%E5%B7%9E";

    [Fact]
    public async Task Report_AsXlsx_IsAWorkbookNamedWithChainRegionAndDate()
    {
        var response = await server.Http.GetAsync(Query + "&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.Matches(@"^锂电池-常州市-招商报告-\d{4}-\d{2}-\d{2}\.xlsx$", name);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^""?lithium-battery-320400-report-\d{4}-\d{2}-\d{2}\.xlsx""?$", response.Content.Headers.ContentDisposition?.FileName);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("锂电池 · 常州市 产业链招商报告", book.Worksheet("概览").Cell(1, 1).GetString());
        Assert.True(response.Headers.Contains("X-Graph-Version"));
    }

    [Fact]
    public async Task Report_AsHtml_HoldsTheSameReportAsAPrintablePage()
    {
        var response = await server.Http.GetAsync(Query + "&format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".html", response.Content.Headers.ContentDisposition?.FileNameStar);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("赣锋锂业", html);
    }

    [Theory]
    [InlineData("&format=pdf", "format")]
    [InlineData("&format=html&chokepoints=0", "chokepoints")]
    public async Task Report_BadParameter_IsAProblemNamingIt(string extra, string field)
    {
        var response = await server.Http.GetAsync(Query + extra);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_UnknownRegion_IsA400NamingTheRegion()
    {
        var response = await server.Http.GetAsync("/api/reports?chain=lithium-battery&region=Atlantis");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"region\"", await response.Content.ReadAsStringAsync());
    }
}
