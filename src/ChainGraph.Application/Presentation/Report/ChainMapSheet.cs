using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Application.Reports;
using ClosedXML.Excel;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>The chain map on its own sheet, in cells: a column per stage, a cell per segment filled by its status, the FEEDS links listed below.</summary>
static class ChainMapSheet
{
    const int FirstRow = 4;

    public static void Draw(IXLWorksheet sheet, ChainReport report)
    {
        ChainReportXlsx.Text(sheet.Cell(1, 1), $"{report.ChainName} 产业链图谱（{report.Region}）").Style.Font.SetBold(true).Font.SetFontSize(14);
        ChainReportXlsx.Text(sheet.Cell(2, 1), "以彩色单元格绘制：本库（ClosedXML 0.95.4）在 Linux 上无法嵌入图片；图形版见 HTML 报告。").Style.Font.SetItalic(true);
        var columns = ReportText.Columns(report.Segments.Select(s => s.Stage));
        var last = FirstRow;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = 2 + c * 2;
            var header = ChainReportXlsx.Text(sheet.Cell(FirstRow - 1, column), ReportText.Stage(columns[c]));
            header.Style.Font.SetBold(true).Font.SetFontSize(13).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            sheet.Column(column).Width = 30;
            if (c > 0) sheet.Column(column - 1).Width = 4;
            var row = FirstRow;
            foreach (var segment in report.Segments.Where(s => s.Stage == columns[c]).OrderBy(s => s.Order))
            {
                Box(sheet.Cell(row, column), segment);
                sheet.Row(row).Height = 36;
                if (c + 1 < columns.Count && report.Feeds.Any(f => f.From == segment.Id))
                    ChainReportXlsx.Text(sheet.Cell(row, column + 1), "→").Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
                row += 2;
            }
            last = Math.Max(last, row);
        }
        sheet.Column(1).Width = 4;
        var legend = last + 1;
        ChainReportXlsx.Text(sheet.Cell(legend, 2), "图例").Style.Font.SetBold(true);
        var i = 0;
        foreach (var status in Enum.GetValues<GapStatus>())
            Fill(ChainReportXlsx.Text(sheet.Cell(legend + 1 + i++, 2), ReportText.Status(status)), status);
        var feeds = legend + 6;
        ChainReportXlsx.Text(sheet.Cell(feeds, 2), "环节衔接（FEEDS）").Style.Font.SetBold(true);
        var names = report.Segments.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        foreach (var feed in report.Feeds)
            ChainReportXlsx.Text(sheet.Cell(++feeds, 2), $"{names.GetValueOrDefault(feed.From, feed.From)} → {names.GetValueOrDefault(feed.To, feed.To)}");
    }

    static void Box(IXLCell cell, ReportSegment segment)
    {
        ChainReportXlsx.Text(cell, $"{segment.Name}\n{ReportText.Status(segment.Status)} · 本地 {segment.Local} / 全国 {segment.National}");
        Fill(cell, segment.Status);
        cell.Style.Alignment.SetWrapText(true).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        cell.Style.Border.SetOutsideBorder(XLBorderStyleValues.Medium);
    }

    static void Fill(IXLCell cell, GapStatus status)
    {
        cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml(ReportText.Colour(status)));
        cell.Style.Font.SetFontColor(XLColor.White).Font.SetBold(true);
    }
}
