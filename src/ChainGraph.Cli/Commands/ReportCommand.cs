using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Application.Presentation.Report;
using ChainGraph.Application.Requests;
using ChainGraph.Formats;

namespace ChainGraph.Cli.Commands;

/// <summary><c>report --chain X --region Y --out report.xlsx|report.html</c>: the 招商 package.</summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var region = new Option<string>("--region") { Description = "Province, city, county or development zone (name or code), a cluster, or a country code.", Required = true };
        var output = new Option<string>("--out") { Description = "Output file: .xlsx (a workbook) or .html (a printable page); the extension decides.", Required = true };
        var chokepoints = new Option<int>("--chokepoints") { Description = "How many of the chain's chokepoints to list.", DefaultValueFactory = _ => 20 };
        var alternatives = new Option<int>("--alternatives") { Description = "For how many of the top chokepoints to list alternatives.", DefaultValueFactory = _ => 5 };
        var command = new Command("report", "The 招商 package of a chain for a region: chain map, segment status, ranked candidates, key local enterprises, carriers, chokepoints and alternatives.")
        {
            chain, region, output, chokepoints, alternatives,
        };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var json = result.GetValue(CommonOptions.Json);
            var path = result.GetValue(output)!;
            var format = ReportFormats.OfPath(path);
            var request = new ReportRequest(result.GetValue(chain)!, result.GetValue(region)!, result.GetValue(chokepoints), result.GetValue(alternatives));
            request.Validate();
            using var bar = new ProgressBar(console.Error, enabled: !json, redraw: console.IsErrorTerminal);
            bar.Report("load", 0, 3);
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var snapshot = await store.LoadSnapshotAsync(cancellationToken);
            bar.Report("analyse", 1, 3);
            var report = request.Run(snapshot, cancellationToken);
            bar.Report("write", 2, 3);
            var full = Path.GetFullPath(path);
            var date = DateOnly.FromDateTime(DateTime.Now);
            await AtomicOutput.WriteFileAsync(full, stream => Task.Run(() => ReportFormats.Write(stream, report, format, date), cancellationToken), cancellationToken);
            bar.Report("write", 3, 3);
            var summary = new ReportSummary(full, ReportFormats.Extension(format), report.ChainId, report.ChainName, report.Region, report.Segments.Count,
                report.Candidates.Count, report.Enterprises.Count, report.Carriers.Count, report.Chokepoints.Count, Math.Round(clock.Elapsed.TotalSeconds, 3));
            if (json) console.WriteJson(summary);
            else
            {
                bar.Dispose();
                await console.Error.WriteLineAsync($"Wrote {full}: {report.Title}, {summary.Segments} segments, {summary.Candidates} candidates, "
                    + $"{summary.Enterprises} local enterprises, {summary.Carriers} carriers, {summary.Chokepoints} chokepoints in {summary.Seconds:0.###} s.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What <c>report --json</c> prints.</summary>
    public sealed record ReportSummary(string Path, string Format, string Chain, string ChainName, string Region, int Segments, int Candidates, int Enterprises,
        int Carriers, int Chokepoints, double Seconds);
}
