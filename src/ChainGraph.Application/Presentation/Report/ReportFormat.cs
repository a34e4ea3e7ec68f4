using System.Text;
using ChainGraph.Application.Reports;
using ChainGraph.Model.Requests;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>The two renderings of a <see cref="ChainReport"/>: an xlsx workbook and a printable html page.</summary>
public enum ReportFormat
{
    Xlsx,
    Html,
}

/// <summary>Picks and runs a rendering: by name (REST's format=) or by a file's extension (the command line's --out).</summary>
public static class ReportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <exception cref="InvalidRequestException"><paramref name="name"/> is neither xlsx nor html.</exception>
    public static ReportFormat Parse(string? name, string field = "format")
    {
        var format = name?.Trim().ToLowerInvariant() switch
        {
            null or "" or "xlsx" => ReportFormat.Xlsx,
            "html" or "htm" => ReportFormat.Html,
            _ => (ReportFormat?)null,
        };
        new ParameterCheck().That(format is not null, field, name, $"must be xlsx or html. Got: {name}").ThrowIfInvalid();
        return format!.Value;
    }

    /// <exception cref="InvalidRequestException"><paramref name="path"/> ends neither in .xlsx nor in .html.</exception>
    public static ReportFormat OfPath(string path, string field = "out")
    {
        var extension = Path.GetExtension(path ?? "").TrimStart('.');
        new ParameterCheck().That(extension.ToLowerInvariant() is "xlsx" or "html" or "htm", field, path,
            $"must end in .xlsx or .html (the extension decides the format). Got: {path}").ThrowIfInvalid();
        return Parse(extension, field);
    }

    public static string ContentType(ReportFormat format) => format == ReportFormat.Xlsx ? XlsxContentType : HtmlContentType;

    public static string Extension(ReportFormat format) => format == ReportFormat.Xlsx ? "xlsx" : "html";

    public static void Write(Stream stream, ChainReport report, ReportFormat format, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (format == ReportFormat.Xlsx)
        {
            ChainReportXlsx.Write(stream, report, date);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(ChainReportHtml.Render(report, date));
        stream.Write(bytes);
    }

    public static byte[] Render(ChainReport report, ReportFormat format, DateOnly date)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report, format, date);
        return buffer.ToArray();
    }
}
