using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace ChainGraph.Server.Tests;

/// <summary>POST /api/export/xlsx: the page's table as a workbook, through a real Kestrel server.</summary>
public sealed class ExportXlsxApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task TableAsXlsx_IsAWorkbookNamedByTheTitle_TextStaysText_NumbersAreNumbers()
    {
        var body = new
        {
            title = "锂电池_常州_2026-12-02",
            sheets = new[]
            {
                new { name = "补链缺口", header = new[] { "环节", "候选企业", "得分", "理由" },
                    rows = new[] { new[] { "锂盐", "=HYPERLINK(\"http://evil.example\")", "0.72", "@SUM(A1)" }, new[] { "隔膜", "-恩捷", "-3.5", "makes 湿法隔膜" } } },
            },
        };

        var response = await server.Http.PostAsJsonAsync("/api/export/xlsx", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("锂电池_常州_2026-12-02.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet("补链缺口");
        Assert.Equal("候选企业", sheet.Cell(1, 2).GetString());
        var formula = sheet.Cell(2, 2);
        Assert.False(formula.HasFormula);
        Assert.Equal(XLDataType.Text, formula.DataType);
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", formula.GetString());
        Assert.True(formula.Style.IncludeQuotePrefix);
        Assert.True(sheet.Cell(2, 4).Style.IncludeQuotePrefix);
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(-3.5, sheet.Cell(3, 3).GetDouble());
        Assert.Equal(XLDataType.Text, sheet.Cell(3, 2).DataType);
    }

    [Fact]
    public async Task TableAsXlsx_InOpenMode_NeedsNoWriteToken_ItWritesNothing()
    {
        using var page = new HttpClient { BaseAddress = server.BaseAddress };
        var body = new { title = "t", sheets = new[] { new { name = "s", header = new[] { "a" }, rows = new[] { new[] { "1" } } } } };

        var response = await page.PostAsJsonAsync("/api/export/xlsx", body);
        var import = await page.PostAsync("/api/import?format=jsonl", new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Fact]
    public async Task TableAsXlsx_WithoutTitleOrSheets_IsAProblemNamingEachField()
    {
        var response = await server.Http.PostAsJsonAsync("/api/export/xlsx", new { title = "", sheets = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("sheets", out _));
    }

    [Fact]
    public async Task TableAsXlsx_TooManyCells_IsRefused()
    {
        var row = Enumerable.Repeat("x", 60).ToArray();
        var body = new { title = "big", sheets = new[] { new { name = "t", header = new[] { "a" }, rows = Enumerable.Repeat(row, 5_001).ToArray() } } };

        var response = await server.Http.PostAsJsonAsync("/api/export/xlsx", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cells", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
