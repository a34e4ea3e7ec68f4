using System.Globalization;
using System.Text.RegularExpressions;
using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Requests;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ChainGraph.Server.Apis;

/// <summary>Exports: Cytoscape.js elements JSON of the whole graph, a chain or a neighbourhood; a table shown in the page as xlsx.</summary>
public static partial class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").WithTags("Export").RequireAuthorization(Policies.Reader);
        api.MapGet("/cytoscape", Cytoscape)
            .WithSummary("Cytoscape.js elements JSON: the whole graph, a chain (chain=ID) or a node's neighbourhood (focus=ID&depth=K).")
            .Produces<CytoscapeDocument>();
        api.MapGet("/graphml", GraphMl).WithSummary("The whole graph as GraphML, for Gephi, Cytoscape desktop or NetworkX.")
            .Produces<string>(StatusCodes.Status200OK, "application/graphml+xml");
        api.MapPost("/xlsx", Xlsx)
            .WithSummary("The table a page shows as an xlsx workbook: one sheet per table, every text a text cell (never a formula), plain numbers as numbers; "
                + $"at most {XlsxLimits.Sheets} sheets, {XlsxLimits.Columns} columns, {XlsxLimits.Cells:N0} cells; the file name is the title.")
            .WithMetadata(new RequestSizeLimitAttribute(XlsxLimits.Bytes))
            .Produces<byte[]>(StatusCodes.Status200OK, ReportFormats.XlsxContentType);
        return app;
    }

    static async Task<IResult> Cytoscape(GraphService graph, HttpContext http, CancellationToken cancellationToken,
        string? chain = null, string? focus = null, int depth = 1)
    {
        var selection = new SelectionRequest(chain, focus, depth);
        selection.Validate();
        var only = selection.Select(await graph.GetSnapshotAsync(cancellationToken));
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chaingraph.cyjs\"";
        await CytoscapeWriter.WriteAsync(http.Response.Body,
            graph.Store.ReadNodesAsync(cancellationToken).Where(n => only?.Contains(n.Id) ?? true),
            graph.Store.ReadRelationshipsAsync(cancellationToken).Where(r => SelectionRequest.Holds(only, r)),
            cancellationToken);
        return Results.Empty;
    }

    static async Task<IResult> GraphMl(GraphService graph, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/graphml+xml; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chaingraph.graphml\"";
        // The XML writer flushes synchronously at times, which Kestrel's response stream refuses: write to memory first.
        using var buffer = new MemoryStream();
        await Formats.GraphMl.GraphMlWriter.WriteAsync(buffer, graph.Store.ReadNodesAsync(cancellationToken), graph.Store.ReadRelationshipsAsync(cancellationToken), cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, cancellationToken);
        return Results.Empty;
    }

    static Results<FileContentHttpResult, ValidationProblem> Xlsx(XlsxTable body, HttpContext http)
    {
        var errors = body.Validate();
        if (errors.Count > 0) return Problems.Invalid(errors, Problems.LanguageOf(http));
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in body.Sheets!) Write(workbook.Worksheets.Add(SheetName(sheet.Name, names)), sheet);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var name = FileName().Replace(body.Title!.Trim(), "_") + ".xlsx";
        // Set here rather than by the file result, whose ASCII fallback would turn every Chinese character into _.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = new string([.. name.Select(c => char.IsAscii(c) && !char.IsControl(c) && c is not '"' ? c : '_')]),
            FileNameStar = name,
        }.ToString();
        return TypedResults.File(stream.ToArray(), ReportFormats.XlsxContentType);
    }

    static void Write(IXLWorksheet worksheet, XlsxSheet sheet)
    {
        for (var c = 0; c < sheet.Header!.Count; c++)
        {
            var cell = Text(worksheet.Cell(1, c + 1), sheet.Header[c]);
            cell.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#E3F2FD"));
        }
        worksheet.SheetView.FreezeRows(1);
        // Validated: no row is null.
        var rows = sheet.Rows!.Select(r => r!).ToList();
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Count; c++)
            {
                var value = rows[r][c] ?? "";
                var cell = worksheet.Cell(r + 2, c + 1);
                if (PlainNumber().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) cell.SetValue(number);
                else Text(cell, value);
            }
        for (var c = 0; c < sheet.Header.Count; c++)
        {
            var longest = rows.Select(r => c < r.Count ? r[c]?.Length ?? 0 : 0).Prepend(sheet.Header[c].Length).Max();
            worksheet.Column(c + 1).Width = Math.Clamp(longest * 2.1 + 2, 6, 60);
            if (longest > 28) worksheet.Column(c + 1).Style.Alignment.SetWrapText(true);
        }
    }

    /// <summary>A text cell, never a formula: as the 招商 report's (ReportText.Clean, and Excel's quote prefix on = + - @).</summary>
    static IXLCell Text(IXLCell cell, string? value)
    {
        var text = ReportText.Clean(value);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') cell.Style.IncludeQuotePrefix = true;
        return cell;
    }

    /// <summary>Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    static string SheetName(string? wanted, HashSet<string> taken)
    {
        var name = SheetForbidden().Replace(ReportText.Clean(wanted).Trim().Trim('\''), "_");
        if (name.Length == 0) name = "Sheet";
        if (name.Length > 31) name = name[..31];
        var unique = name;
        for (var i = 2; !taken.Add(unique); i++) unique = $"{(name.Length > 27 ? name[..27] : name)} ({i})";
        return unique;
    }

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"[:\\/?*\[\]\p{C}]")]
    private static partial Regex SheetForbidden();

    [GeneratedRegex(@"[\\/:*?""<>|\p{C}]")]
    private static partial Regex FileName();
}

/// <summary>How big a table the xlsx export takes.</summary>
public static class XlsxLimits
{
    public const int Sheets = 10;
    public const int Columns = 60;
    public const int Cells = 300_000;
    public const int CellLength = 32_767;
    public const int TitleLength = 100;
    public const long Bytes = 16 * 1024 * 1024;
}

/// <summary>A page's tables for the xlsx export: a title (the file's name) and sheets of a header and rows of text.</summary>
public sealed record XlsxTable(string? Title, IReadOnlyList<XlsxSheet>? Sheets)
{
    /// <summary>Every failure at once, each naming its field and the value found.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > XlsxLimits.TitleLength)
            errors.Add(new FieldError("title", Title, $"title must be 1–{XlsxLimits.TitleLength} characters. Got: {Title?.Length ?? 0} characters."));
        if (Sheets is null || Sheets.Count is 0 or > XlsxLimits.Sheets)
        {
            errors.Add(new FieldError("sheets", null, $"sheets must hold 1–{XlsxLimits.Sheets} sheets. Got: {Sheets?.Count ?? 0}."));
            return errors;
        }
        var cells = 0L + Sheets.Sum(s => s?.Rows?.Count ?? 0);
        for (var s = 0; s < Sheets.Count; s++)
        {
            var sheet = Sheets[s];
            if (sheet?.Header is null || sheet.Header.Count is 0 or > XlsxLimits.Columns)
                errors.Add(new FieldError($"sheets[{s}].header", null, $"header must hold 1–{XlsxLimits.Columns} columns. Got: {sheet?.Header?.Count ?? 0}."));
            if (sheet?.Rows is null)
            {
                errors.Add(new FieldError($"sheets[{s}].rows", null, "rows is required (an empty list for no rows)."));
                continue;
            }
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                if (row is null || row.Count > XlsxLimits.Columns)
                {
                    errors.Add(new FieldError($"sheets[{s}].rows[{r}]", null, $"a row holds at most {XlsxLimits.Columns} cells. Got: {row?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"}."));
                    continue;
                }
                cells += row.Count;
                var longCell = row.Select((c, i) => (c, i)).FirstOrDefault(x => x.c?.Length > XlsxLimits.CellLength);
                if (longCell.c is not null)
                    errors.Add(new FieldError($"sheets[{s}].rows[{r}][{longCell.i}]", null, $"a cell holds at most {XlsxLimits.CellLength} characters. Got: {longCell.c.Length}."));
            }
        }
        if (cells > XlsxLimits.Cells) errors.Add(new FieldError("sheets", null, $"at most {XlsxLimits.Cells} cells in all. Got: {cells}."));
        return errors;
    }
}

public sealed record XlsxSheet(string? Name, IReadOnlyList<string>? Header, IReadOnlyList<IReadOnlyList<string?>?>? Rows);

/// <summary>The shape of the Cytoscape.js export (streamed by <see cref="CytoscapeWriter"/>), for the API's document.</summary>
public sealed record CytoscapeDocument(CytoscapeElements Elements);

public sealed record CytoscapeElements(IReadOnlyList<CytoscapeElement> Nodes, IReadOnlyList<CytoscapeElement> Edges);

/// <summary>A node's id, label and properties, or an edge's id, source, target, type and properties.</summary>
public sealed record CytoscapeElement(IReadOnlyDictionary<string, object> Data);
