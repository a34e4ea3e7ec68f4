using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Reports;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;
using ClosedXML.Excel;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Tests;

/// <summary>The 招商 report on a hand-built chain: what it composes, and its xlsx and html read back.</summary>
public sealed class ChainReportTests
{
    static readonly DateOnly Date = new(2026, 12, 2);

    static ChainReport Report() => new ReportRequest("lib", "常州").Run(ReportGraph.Build(), CancellationToken.None);

    static XLWorkbook Workbook(ChainReport report) => new(new MemoryStream(ReportFormats.Render(report, ReportFormat.Xlsx, Date)));

    [Fact]
    public void Report_HandBuiltChain_GivesStatusesFeedsCandidatesLocalEnterprisesAndCarriers()
    {
        var report = Report();

        Assert.Equal("锂电池 · 常州市 产业链招商报告", report.Title);
        Assert.Equal([("lib:separator", GapStatus.Missing, 0, 3), ("lib:cell", GapStatus.Strong, 2, 2), ("lib:pack", GapStatus.Weak, 1, 2)],
            report.Segments.Select(s => (s.Id, s.Status, s.Local, s.National)));
        Assert.Equal([new ReportFeed("lib:separator", "lib:cell"), new ReportFeed("lib:cell", "lib:pack")], report.Feeds);
        // The missing segment's candidates first, the 链主 already supplying 常州 on top; then the weak segment's.
        Assert.Equal(["semcorp", "lib:separator", "lib:separator", "lib:pack"], [report.Candidates[0].Id, .. report.Candidates.Take(3).Skip(1).Select(c => c.SegmentId), report.Candidates[^1].SegmentId]);
        Assert.Contains("already trades with 常州电芯", report.Candidates[0].Why.In(Language.En));
        Assert.Equal(["链主"], report.Candidates[0].Tags);
        Assert.Equal(["cell-leader", "pack-local", "cell-small"], report.Enterprises.Select(e => e.Id));
        Assert.Equal(["电芯"], report.Enterprises[0].Segments);
        var carrier = Assert.Single(report.Carriers);
        Assert.Equal(("常州动力电池中试基地", "常州市", "电芯"), (carrier.Name, carrier.City, Assert.Single(carrier.Segments)));
        // 常州 holds two of three segments, every other city at most one; the ranking counts every city of the gazetteer.
        Assert.Equal(new ReportRank(1, 369, "city"), report.Rank);
        Assert.InRange(report.Score, 1, 99);
    }

    [Fact]
    public void Xlsx_HandBuiltChain_ReadBackHoldsEverySheetWithItsKeyRows()
    {
        using var book = Workbook(Report());

        Assert.Equal(["概览", "产业链图谱", "环节状态", "招商目标", "本地重点企业", "本地创新载体", "卡脖子环节与替代"], book.Worksheets.Select(s => s.Name));
        Assert.Equal("锂电池 · 常州市 产业链招商报告", book.Worksheet("概览").Cell(1, 1).GetString());
        var map = book.Worksheet("产业链图谱");
        Assert.Equal(["上游", "中游", "下游"], new[] { 2, 4, 6 }.Select(c => map.Cell(3, c).GetString()));
        Assert.StartsWith("隔膜\n缺失", map.Cell(4, 2).GetString());
        Assert.Equal(XLColor.FromHtml(ReportText.Colour(GapStatus.Missing)), map.Cell(4, 2).Style.Fill.BackgroundColor);
        Assert.Contains(map.CellsUsed(), c => c.GetString() == "隔膜 → 电芯");
        var segments = book.Worksheet("环节状态");
        var header = Row(segments, "环节");
        Assert.Equal(["隔膜", "上游", "缺失"], Cells(segments, header + 1, 3));
        Assert.Equal(0, segments.Cell(header + 1, 4).GetDouble());
        Assert.Equal(XLDataType.Number, segments.Cell(header + 1, 5).DataType);
        var targets = book.Worksheet("招商目标");
        Assert.Equal(["1", "隔膜", "缺失", "1", "恩捷", "semcorp"], Cells(targets, Row(targets, "序号") + 1, 6));
        var enterprises = book.Worksheet("本地重点企业");
        Assert.Equal(["1", "常州电芯", "cell-leader", "常州市", "链主、上市", "电芯"], Cells(enterprises, Row(enterprises, "序号") + 1, 6));
        var carriers = book.Worksheet("本地创新载体");
        Assert.Equal("常州动力电池中试基地", carriers.Cell(Row(carriers, "载体") + 1, 1).GetString());
    }

    [Theory]
    [InlineData(ReportGraph.Formula)]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void Xlsx_TextStartingLikeAFormula_IsAStringCellNeverAFormula(string name)
    {
        var report = Report();
        report = report with { Candidates = [report.Candidates[0] with { Name = name, Why = new Reason(Phrase.Verbatim(name)) }] };

        using var book = Workbook(report);

        var targets = book.Worksheet("招商目标");
        var cell = targets.Cell(Row(targets, "序号") + 1, 5);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(name, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public void Xlsx_CandidateNamedAsAFormula_InTheHandBuiltGraph_StaysText()
    {
        using var book = Workbook(Report());

        var cells = book.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
        Assert.DoesNotContain(cells, c => c.HasFormula);
        Assert.Contains(cells, c => c.GetString() == ReportGraph.Formula && c.DataType == XLDataType.Text);
    }

    [Fact]
    public void Html_HandBuiltChain_HasTheSvgMapStatusesAndEscapesEveryName()
    {
        var html = ChainReportHtml.Render(Report(), Date);

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-map\"", html);
        Assert.Equal(3, CountOf(html, "<g class=\"segment\""));
        Assert.Contains("data-status=\"missing\"", html);
        Assert.Contains("marker-end=\"url(#arrow)\"", html);
        foreach (var status in new[] { "缺失", "薄弱", "具备", "优势" }) Assert.Contains(status, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;隔膜厂", html);
        Assert.Contains("@page { size: A4", html);
        Assert.Contains("2026-12-02", html);
    }

    [Fact]
    public void Request_MissingChainRegionAndCountsOutOfRange_AreReportedTogether()
    {
        var error = Assert.Throws<InvalidRequestException>(new ReportRequest("", " ", 0, 51).Validate);

        Assert.Equal(["chain", "region", "chokepoints", "alternatives"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Request_UnknownChainOrRegion_IsNotFoundNamingTheField()
    {
        var snapshot = ReportGraph.Build();

        Assert.Equal("chain", Assert.Throws<NotFoundException>(() => new ReportRequest("nope", "常州").Run(snapshot, CancellationToken.None)).Field);
        Assert.Equal("region", Assert.Throws<NotFoundException>(() => new ReportRequest("lib", "火星").Run(snapshot, CancellationToken.None)).Field);
    }

    [Theory]
    [InlineData("report.xlsx", ReportFormat.Xlsx)]
    [InlineData("a/b/REPORT.HTML", ReportFormat.Html)]
    public void Format_IsDecidedByTheExtension(string path, ReportFormat format) => Assert.Equal(format, ReportFormats.OfPath(path));

    [Fact]
    public void Format_OtherExtensionOrName_IsRefusedNamingFieldAndValue()
    {
        var error = Assert.Single(Assert.Throws<InvalidRequestException>(() => ReportFormats.OfPath("report.pdf")).Errors);
        Assert.Equal(("out", "report.pdf"), (error.Field, error.Value));
        Assert.Equal("format", Assert.Single(Assert.Throws<InvalidRequestException>(() => ReportFormats.Parse("csv")).Errors).Field);
    }

    [Fact]
    public void FileName_CarriesChainRegionAndDate_WithoutCharactersFileSystemsRefuse()
    {
        var report = Report();

        Assert.Equal("锂电池-常州市-招商报告-2026-12-02.xlsx", ReportText.FileName(report, Date, "xlsx"));
        Assert.Equal("a_b-常州市-招商报告-2026-12-02.html", ReportText.FileName(report with { ChainName = "a/b" }, Date, "html"));
        Assert.Equal("lib-320400-report-2026-12-02.xlsx", ReportText.AsciiFileName(report, Date, "xlsx"));
    }

    static int Row(IXLWorksheet sheet, string firstHeader) =>
        sheet.Column(1).CellsUsed().First(c => c.GetString() == firstHeader).Address.RowNumber;

    static string[] Cells(IXLWorksheet sheet, int row, int count) => [.. Enumerable.Range(1, count).Select(c => sheet.Cell(row, c).GetString())];

    static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
