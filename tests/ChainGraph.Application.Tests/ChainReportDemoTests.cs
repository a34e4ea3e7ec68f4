using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Reports;
using ChainGraph.Application.Requests;
using ChainGraph.Testing;
using ClosedXML.Excel;

namespace ChainGraph.Application.Tests;

/// <summary>The 招商 report for 锂电池 · 常州 on the demo and, where present, on the real data.</summary>
public sealed class ChainReportDemoTests
{
    static readonly DateOnly Date = new(2026, 12, 2);

    static readonly Lazy<ChainReport> Demo = new(() => new ReportRequest("lithium-battery", "常州").Run(DemoSnapshot.Instance, CancellationToken.None));

    [Fact]
    public void DemoXlsx_LithiumBatteryChangzhou_EachSheetHoldsItsKeyRows()
    {
        using var book = new XLWorkbook(new MemoryStream(ReportFormats.Render(Demo.Value, ReportFormat.Xlsx, Date)));

        Assert.Equal("锂电池 · 常州市 产业链招商报告", book.Worksheet("概览").Cell(1, 1).GetString());
        Assert.Contains(book.Worksheet("概览").CellsUsed(), c => c.GetString().StartsWith("环节 11 个：缺失 6，薄弱 1，具备 3，优势 1", StringComparison.Ordinal));

        var map = book.Worksheet("产业链图谱");
        Assert.Equal(["上游", "中游", "下游"], new[] { 2, 4, 6 }.Select(c => map.Cell(3, c).GetString()));
        Assert.Equal(11, map.CellsUsed().Count(c => c.GetString().Contains(" · 本地 ", StringComparison.Ordinal)));
        Assert.Contains(map.CellsUsed(), c => c.GetString() == "锂盐 → 正极材料");

        var segments = book.Worksheet("环节状态");
        var header = Row(segments, "环节");
        Assert.Equal(["锂盐", "上游", "缺失", "0", "12"], Cells(segments, header + 1, 5));
        Assert.Equal(["电池系统", "中游", "优势", "2", "7"], Cells(segments, Row(segments, "电池系统"), 5));
        Assert.Equal(11, segments.Column(1).CellsUsed().Count(c => c.Address.RowNumber > header));

        var targets = book.Worksheet("招商目标");
        var first = Row(targets, "序号") + 1;
        Assert.Equal(["1", "锂盐", "缺失", "1", "赣锋锂业", "002460"], Cells(targets, first, 6));
        Assert.Contains("链主", targets.Cell(first, 11).GetString());
        Assert.Equal(51, targets.Column(1).CellsUsed().Count(c => c.Address.RowNumber >= first));

        var enterprises = book.Worksheet("本地重点企业");
        var names = enterprises.Column(2).CellsUsed().Where(c => c.Address.RowNumber > Row(enterprises, "序号")).Select(c => c.GetString()).ToList();
        Assert.Equal(7, names.Count);
        Assert.Contains("中创新航", names);
        Assert.Contains("天合光能", names);

        var carriers = book.Worksheet("本地创新载体");
        var carrier = Row(carriers, "常州动力电池中试基地");
        Assert.Contains("电芯制造", carriers.Cell(carrier, 4).GetString());
        Assert.Contains(carriers.Column(1).CellsUsed(), c => c.GetString() == "本地无载体攻关的卡脖子");

        var chokepoints = book.Worksheet("卡脖子环节与替代");
        var top = Row(chokepoints, "排名") + 1;
        Assert.True(Demo.Value.Flagged);
        // The flagged chokepoints keep their place in the chain's ranking (the five above are not flagged); each has its makers listed.
        Assert.Equal(["6", "电池铝箔", "电池铝箔", "2"], Cells(chokepoints, top, 4));
        Assert.Equal("供给集中：已知生产商 2 家，HHI 0.50；10 种产品依赖它，涉及 62 家企业，在 2 条产业链中", chokepoints.Cell(top, 8).GetString());
        Assert.Equal(2, chokepoints.Cell(top, 10).GetString().Split('、').Length);
        Assert.Equal((0.0, "0.0%"), (chokepoints.Cell(top, 6).GetDouble(), chokepoints.Cell(top, 6).Style.NumberFormat.Format));
    }

    [Fact]
    public void DemoHtml_LithiumBatteryChangzhou_DrawsEverySegmentInItsStageColumnColouredByStatus()
    {
        var html = ChainReportHtml.Render(Demo.Value, Date);

        Assert.Equal(11, html.Split("<g class=\"segment\"").Length - 1);
        Assert.Equal(6, html.Split("data-status=\"missing\"").Length - 1);
        Assert.Contains($"fill=\"{ReportText.Colour(GapStatus.Strong)}\"", html);
        Assert.Contains(">上游</text>", html);
        Assert.Contains(">下游</text>", html);
        Assert.True(html.Split("marker-end=\"url(#arrow)\"").Length - 1 >= Demo.Value.Feeds.Count);
        Assert.Contains("<h2>招商目标（补链/强链）</h2>", html);
        Assert.Contains("赣锋锂业", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>The listed companies the real data holds include no 常州 maker of the chain: every segment is missing, each with candidates, and the empty lists still render.</summary>
    [ChainKgFact]
    public void RealData_LithiumBatteryChangzhou_EverySegmentMissingWithCandidates_AndBothFormatsRender()
    {
        var report = new ReportRequest("lithium-battery", "常州").Run(ChainKgSnapshot.WithTemplates, CancellationToken.None);

        Assert.Equal(11, report.Segments.Count);
        Assert.All(report.Segments, s => Assert.Equal(GapStatus.Missing, s.Status));
        Assert.Equal(report.Segments.Select(s => s.Id), report.Candidates.Select(c => c.SegmentId).Distinct());
        Assert.Empty(report.Enterprises);
        Assert.Contains("仅上市公司", report.Coverage);
        // No input of the chain is flagged among the listed companies: the top-ranked ones are listed, and the note says so.
        Assert.False(report.Flagged);
        Assert.Equal(20, report.Chokepoints.Count);
        Assert.StartsWith("数据中本链没有被标记的卡脖子", ChainReportTables.Chokepoints(report).Note, StringComparison.Ordinal);
        using var book = new XLWorkbook(new MemoryStream(ReportFormats.Render(report, ReportFormat.Xlsx, Date)));
        Assert.Equal(11, book.Worksheet("环节状态").Column(2).CellsUsed().Count(c => c.GetString() is "上游" or "中游" or "下游"));
        Assert.Contains(book.Worksheet("本地重点企业").CellsUsed(), c => c.GetString() == "（无）");
        Assert.Equal(11, ChainReportHtml.Render(report, Date).Split("data-status=\"missing\"").Length - 1);
    }

    [ChainKgFact]
    public void RealData_LithiumBatteryJiangsu_ListsItsLocalMakersAsKeyEnterprises()
    {
        var report = new ReportRequest("lithium-battery", "江苏").Run(ChainKgSnapshot.WithTemplates, CancellationToken.None);

        Assert.Contains(report.Segments, s => s.Status != GapStatus.Missing);
        Assert.Equal(report.Segments.SelectMany(s => s.LocalMakers).Distinct().Count(), report.Enterprises.Count);
        Assert.Contains(report.Enterprises, e => e.Segments.Contains("电芯制造"));
    }

    static int Row(IXLWorksheet sheet, string first) => sheet.Column(1).CellsUsed().First(c => c.GetString() == first).Address.RowNumber;

    static string[] Cells(IXLWorksheet sheet, int row, int count) => [.. Enumerable.Range(1, count).Select(c => sheet.Cell(row, c).GetString())];
}
