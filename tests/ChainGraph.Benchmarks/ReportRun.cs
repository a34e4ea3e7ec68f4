using System.Diagnostics;
using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Snapshot;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>The 招商 report for 锂电池 · 常州: the query (every analysis it composes) and both renderings, on a loaded snapshot.</summary>
internal static class ReportRun
{
    const int Rounds = 5;

    public static Task<string> DemoAsync() => Task.FromResult(Run("demo", DemoSnapshot.Instance));

    public static Task<string> ChainKgAsync() => Task.FromResult(Run("ChainKnowledgeGraph", ChainKgSnapshot.WithTemplates));

    static string Run(string data, GraphSnapshot snapshot)
    {
        var date = DateOnly.FromDateTime(DateTime.Now);
        var first = Once(snapshot, date);
        var rounds = Enumerable.Range(0, Rounds).Select(_ => Once(snapshot, date)).OrderBy(r => r.Total).ToList();
        var median = rounds[Rounds / 2];
        return $"{data}: first report {first.Total:0} ms (query {first.Query:0} ms, xlsx {first.Xlsx:0} ms, html {first.Html:0} ms, {first.Bytes / 1024:0} KiB xlsx); "
            + $"median of {Rounds} {median.Total:0} ms (query {median.Query:0} ms, xlsx {median.Xlsx:0} ms, html {median.Html:0} ms); snapshot load not counted";
    }

    static (double Total, double Query, double Xlsx, double Html, long Bytes) Once(GraphSnapshot snapshot, DateOnly date)
    {
        var clock = Stopwatch.StartNew();
        var report = new ReportRequest("lithium-battery", "常州").Run(snapshot, CancellationToken.None);
        var query = clock.Elapsed.TotalMilliseconds;
        var xlsx = ReportFormats.Render(report, ReportFormat.Xlsx, date);
        var afterXlsx = clock.Elapsed.TotalMilliseconds;
        _ = ReportFormats.Render(report, ReportFormat.Html, date);
        var total = clock.Elapsed.TotalMilliseconds;
        return (total, query, afterXlsx - query, total - afterXlsx, xlsx.Length);
    }
}
