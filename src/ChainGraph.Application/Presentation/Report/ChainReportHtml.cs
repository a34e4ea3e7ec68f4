using System.Net;
using System.Text;
using ChainGraph.Application.Reports;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>
/// The 招商 report as one printable HTML page: the chain map as inline SVG, then the tables the xlsx
/// holds, every value escaped; a print stylesheet lays it out on A4. No script, no external file.
/// </summary>
public static class ChainReportHtml
{
    const string Style = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; margin: 24px; font-size: 14px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 2px solid #1565C0; padding-bottom: 2px; }
        .meta { color: #555; margin: 2px 0; } .note { color: #666; font-size: 12px; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; } th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
        th { background: #E3F2FD; } td.n { text-align: right; white-space: nowrap; } td.s { white-space: nowrap; }
        .status { font-weight: bold; white-space: nowrap; } .legend span { display: inline-block; padding: 2px 10px; margin-right: 6px; color: #fff; border-radius: 4px; }
        svg.chain-map { max-width: 100%; height: auto; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @page { size: A4 portrait; margin: 12mm; }
        @media print { body { margin: 0; font-size: 11px; } table { font-size: 9.5px; } thead { display: table-header-group; } tr, .map { break-inside: avoid; } h2 { break-after: avoid; } }
        """;

    public static string Render(ChainReport report, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        html.Append("<p class=\"meta\">生成日期：").Append(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Append("　产业链：").Append(E(report.ChainName)).Append("（").Append(E(report.ChainId)).Append("）　地区：").Append(E(report.Region)).Append("</p>");
        foreach (var line in ChainReportSummary.Lines(report)) html.Append("<p class=\"meta\">").Append(E(line)).Append("</p>");

        html.Append("<h2>产业链图谱</h2><div class=\"map\">").Append(ChainMapSvg.Render(report)).Append("</div><p class=\"legend\">");
        foreach (var status in Enum.GetValues<Analysis.ChainGaps.GapStatus>())
            html.Append($"<span style=\"background:{ReportText.Colour(status)}\">{ReportText.Status(status)}</span>");
        html.Append("</p><p class=\"note\">箭头为环节间的供给关系（FEEDS）；框中为本地与全国在产企业数。</p>");

        foreach (var table in ChainReportTables.All(report))
        {
            html.Append("<h2>").Append(E(table.Title)).Append("</h2>");
            if (table.Note is { } note) html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
            Table(html, table);
        }
        return html.Append("</body></html>").ToString();
    }

    static void Table(StringBuilder html, ReportTable table)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"note\">（无）</p>");
            return;
        }
        html.Append("<table><thead><tr>");
        foreach (var header in table.Header) html.Append("<th>").Append(E(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                if (cell.Status is { } status) html.Append($"<td class=\"status\" style=\"background:{ReportText.Tint(status)}\">");
                // Short values (places, tags, ids) keep to one line so the long reasons take the width.
                else html.Append(cell.Number is not null ? "<td class=\"n\">" : cell.Text.Length <= 10 ? "<td class=\"s\">" : "<td>");
                html.Append(E(cell.Text)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    static string E(string? value) => WebUtility.HtmlEncode(ReportText.Clean(value));
}
