using System.Net;
using System.Text;
using ChainGraph.Application.Reports;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>
/// The chain map as an inline SVG: the segments in stage columns (上游/中游/下游) in their order, each
/// box coloured by its status in the region, FEEDS as arrows. Self-contained: no script, no font file.
/// </summary>
public static class ChainMapSvg
{
    const int ColumnWidth = 300, BoxWidth = 236, BoxHeight = 58, RowHeight = 76, Left = 40, Top = 44;

    public static string Render(ChainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = ReportText.Columns(report.Segments.Select(s => s.Stage));
        var places = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var rows = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var inColumn = report.Segments.Where(s => s.Stage == columns[c]).OrderBy(s => s.Order).ToList();
            for (var r = 0; r < inColumn.Count; r++) places[inColumn[r].Id] = (Left + c * ColumnWidth, Top + r * RowHeight);
            rows = Math.Max(rows, inColumn.Count);
        }
        var width = Left * 2 + Math.Max(1, columns.Count) * ColumnWidth - (ColumnWidth - BoxWidth);
        var height = Top + Math.Max(1, rows) * RowHeight + 10;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-map\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" ")
            .Append($"font-family=\"sans-serif\" aria-label=\"{E(report.ChainName)} 产业链图谱\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
            .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        for (var c = 0; c < columns.Count; c++)
            svg.Append($"<text x=\"{Left + c * ColumnWidth + BoxWidth / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"#333\">{E(ReportText.Stage(columns[c]))}</text>");
        foreach (var feed in report.Feeds)
            if (places.TryGetValue(feed.From, out var from) && places.TryGetValue(feed.To, out var to)) svg.Append(Arrow(from, to));
        foreach (var segment in report.Segments)
        {
            var (x, y) = places[segment.Id];
            var colour = ReportText.Colour(segment.Status);
            svg.Append($"<g class=\"segment\" data-status=\"{segment.Status.ToString().ToLowerInvariant()}\"><title>{E(segment.Name)}：{ReportText.Status(segment.Status)}</title>")
                .Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{colour}\"/>")
                .Append($"<text x=\"{x + BoxWidth / 2}\" y=\"{y + 24}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#fff\">{E(Shorten(segment.Name, 15))}</text>")
                .Append($"<text x=\"{x + BoxWidth / 2}\" y=\"{y + 46}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">{ReportText.Status(segment.Status)} · 本地 {segment.Local} / 全国 {segment.National}</text></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Right edge to left edge across columns; left edge to left edge within one.</summary>
    static string Arrow((int X, int Y) from, (int X, int Y) to)
    {
        if (from.X == to.X)
        {
            // Within a column the arrow bows out to the left, so it does not run through the boxes between.
            var (x, y1, y2) = (from.X, from.Y + BoxHeight / 2, to.Y + BoxHeight / 2);
            var bow = x - Math.Min(Left - 2, 6 + Math.Abs(y2 - y1) / RowHeight * 5);
            return $"<path d=\"M{x},{y1} C{bow},{y1} {bow},{y2} {x},{y2}\" stroke=\"#555\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#arrow)\"/>";
        }
        var (sx, sy, tx, ty) = from.X < to.X
            ? (from.X + BoxWidth, from.Y + BoxHeight / 2, to.X, to.Y + BoxHeight / 2)
            : (from.X, from.Y + BoxHeight / 2, to.X + BoxWidth, to.Y + BoxHeight / 2);
        var mid = (sx + tx) / 2;
        return $"<path d=\"M{sx},{sy} C{mid},{sy} {mid},{ty} {tx},{ty}\" stroke=\"#555\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#arrow)\"/>";
    }

    static string Shorten(string name, int length) => name.Length <= length ? name : name[..(length - 1)] + "…";

    static string E(string? value) => WebUtility.HtmlEncode(ReportText.Clean(value));
}
