using ChainGraph.Application.Presentation;
using ChainGraph.Formats.Csv;

namespace ChainGraph.Server.Apis;

/// <summary>How an analysis answer goes out: its JSON as serialised once per snapshot version, or its table as a spreadsheet-safe CSV download.</summary>
internal static class AnalysisResults
{
    public static IResult Json(byte[] utf8) => TypedResults.Bytes(utf8, "application/json; charset=utf-8");

    public static IResult Csv(string name, Table table) => TypedResults.File(CsvText.Table(table.Header, table.Rows), "text/csv; charset=utf-8", name);
}
