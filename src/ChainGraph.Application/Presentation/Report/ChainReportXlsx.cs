using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Application.Reports;
using ClosedXML.Excel;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>
/// The 招商 report as an xlsx workbook (ClosedXML): 概览, 产业链图谱 (the map drawn with coloured cells:
/// ClosedXML 0.95.4 embeds pictures through GDI+, which Linux does not have), then one sheet per table.
/// Every text is a string cell, never a formula; column widths are set, not measured (measuring needs GDI+ too).
/// </summary>
public static class ChainReportXlsx
{
    const string HeaderFill = "#E3F2FD";

    public static void Write(Stream stream, ChainReport report, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = new XLWorkbook();
        Overview(workbook.Worksheets.Add("概览"), report, date);
        ChainMapSheet.Draw(workbook.Worksheets.Add("产业链图谱"), report);
        foreach (var sheet in ChainReportTables.All(report).GroupBy(t => t.Sheet))
        {
            var worksheet = workbook.Worksheets.Add(sheet.Key);
            var row = 1;
            foreach (var table in sheet) row = Table(worksheet, table, row) + 2;
        }
        workbook.SaveAs(stream);
    }

    static void Overview(IXLWorksheet sheet, ChainReport report, DateOnly date)
    {
        Text(sheet.Cell(1, 1), report.Title).Style.Font.SetBold(true).Font.SetFontSize(16);
        Text(sheet.Cell(2, 1), "生成日期");
        Text(sheet.Cell(2, 2), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Text(sheet.Cell(3, 1), "产业链");
        Text(sheet.Cell(3, 2), $"{report.ChainName}（{report.ChainId}）");
        Text(sheet.Cell(4, 1), "地区");
        Text(sheet.Cell(4, 2), report.Region);
        Text(sheet.Cell(5, 1), "链完整度得分");
        sheet.Cell(5, 2).SetValue(report.Score);
        var row = 7;
        foreach (var line in ChainReportSummary.Lines(report)) Text(sheet.Cell(row++, 1), line);
        row++;
        Text(sheet.Cell(row++, 1), "工作表").Style.Font.SetBold(true);
        foreach (var (name, holds) in Contents) 
        {
            Text(sheet.Cell(row, 1), name);
            Text(sheet.Cell(row++, 2), holds);
        }
        sheet.Column(1).Width = 18;
        sheet.Column(2).Width = 90;
    }

    static readonly (string Sheet, string Holds)[] Contents =
    [
        ("产业链图谱", "上游/中游/下游各环节，按本地状态着色（缺失/薄弱/具备/优势），及环节间的供给关系；以彩色单元格绘制（无法嵌入图片），图形版见 HTML 报告"),
        ("环节状态", "每个环节的状态、本地与全国在产企业数、本地份额、本地企业与创新载体"),
        ("招商目标", "缺失与薄弱环节的招商候选企业，按得分排序，附推荐理由"),
        ("本地重点企业", "本地在产的链上企业，链主、专精特新等标签企业在前"),
        ("本地创新载体", "支撑本链的本地创新载体及可攻关的卡脖子；本地无载体攻关的卡脖子"),
        ("卡脖子环节与替代", "本链的卡脖子投入品、其集中度与境外占比，及替代来源"),
    ];

    /// <summary>Writes the table's title, note, header and rows from <paramref name="row"/>; returns its last row.</summary>
    static int Table(IXLWorksheet sheet, ReportTable table, int row)
    {
        Text(sheet.Cell(row++, 1), table.Title).Style.Font.SetBold(true).Font.SetFontSize(13);
        if (table.Note is { } note) Text(sheet.Cell(row++, 1), note).Style.Font.SetItalic(true);
        for (var c = 0; c < table.Header.Count; c++)
        {
            var cell = Text(sheet.Cell(row, c + 1), table.Header[c]);
            cell.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml(HeaderFill));
            cell.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin);
        }
        if (row <= 3) sheet.SheetView.FreezeRows(row);
        foreach (var data in table.Rows)
        {
            row++;
            for (var c = 0; c < data.Cells.Count; c++)
            {
                var value = data.Cells[c];
                var cell = sheet.Cell(row, c + 1);
                if (value.Number is { } number)
                {
                    cell.SetValue(number);
                    if (value.NumberFormat is { } format) cell.Style.NumberFormat.Format = format;
                }
                else Text(cell, value.Text);
                if (value.Status is { } status) cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml(ReportText.Tint(status))).Font.SetBold(true);
                cell.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            }
        }
        if (table.Rows.Count == 0) Text(sheet.Cell(++row, 1), "（无）");
        for (var c = 0; c < table.Header.Count; c++)
        {
            var longest = table.Rows.Select(r => c < r.Cells.Count ? r.Cells[c].Text.Length : 0).Prepend(table.Header[c].Length).Max();
            var column = sheet.Column(c + 1);
            column.Width = Math.Max(column.Width, Math.Clamp(longest * 2.1 + 2, 8, 60));
            if (longest > 28) column.Style.Alignment.SetWrapText(true);
        }
        return row;
    }

    /// <summary>
    /// A text cell: the value as a string, never a formula or a number, with Excel's quote prefix on
    /// a text starting = + - @ so editing the cell keeps it text too.
    /// </summary>
    internal static IXLCell Text(IXLCell cell, string? value)
    {
        var text = ReportText.Clean(value);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') cell.Style.IncludeQuotePrefix = true;
        return cell;
    }
}
