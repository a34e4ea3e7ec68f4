using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Requests;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ChainGraph.Server.Apis;

/// <summary>The 招商 package, the same as <c>chaingraph report</c>: one <see cref="ReportRequest"/>, rendered as xlsx or printable html.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Reader)
            .MapGet("", Report)
            .WithName("GetReport")
            .WithSummary("The 招商 package of a chain for a region (chain map, segment status, ranked candidates with reasons, key local enterprises, "
                + "local innovation carriers, chokepoints and alternatives) as an xlsx workbook or a printable html page; "
                + "the file name carries chain, region and date.")
            .Produces<byte[]>(StatusCodes.Status200OK, ReportFormats.XlsxContentType, "text/html");
        return app;
    }

    static async Task<FileContentHttpResult> Report(GraphService graph, HttpContext http, CancellationToken cancellationToken, string? chain = null,
        string? region = null, string? format = null, int chokepoints = 20, int alternatives = 5)
    {
        var kind = ReportFormats.Parse(format);
        var report = (await graph.RunAsync(new ReportRequest(chain!, region!, chokepoints, alternatives), cancellationToken)).For(http);
        var date = DateOnly.FromDateTime(DateTime.Now);
        var bytes = await Task.Run(() => ReportFormats.Render(report, kind, date), cancellationToken);
        var extension = ReportFormats.Extension(kind);
        // Set here rather than by the file result, whose ASCII fallback would turn every Chinese character into _.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = ReportText.AsciiFileName(report, date, extension),
            FileNameStar = ReportText.FileName(report, date, extension),
        }.ToString();
        return TypedResults.File(bytes, ReportFormats.ContentType(kind));
    }
}
