using System.CommandLine;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;

namespace ChainGraph.Cli.Commands;

/// <summary>The region verbs: one chain compared across regions, and every region of a level ranked by it.</summary>
public static partial class AnalyzeCommand
{
    static CompletenessOptions Tagged(ParseResult result) => CompletenessOptions.Default.WithTags(TagSet.Parse(result.GetValue(Tag)));

    static Command Compare(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var regions = new Option<string>("--regions") { Description = "Regions of any level or clusters, comma-separated (江苏,浙江,广东).", Required = true };
        var command = new Command("compare", "One chain in several regions side by side: status, makers, capacity share and innovation carriers per segment.") { chain, regions, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CompareRequest(result.GetValue(chain)!, result.GetValue(regions)!, Tagged(result));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var summary = string.Join(Environment.NewLine, report.Regions.Select(r => $"{report.ChainName} in {r.Name}: score {Number(r.Score)}"
                + (r.Missing.Count > 0 ? $"; missing: {string.Join("、", r.Missing)}" : "") + (r.Weak.Count > 0 ? $"; weak: {string.Join("、", r.Weak)}" : "")))
                + (report.Derived is { } derived ? $"{Environment.NewLine}{derived.Why}." : "");
            return Emit(console, result, report, ReportTables.Compare(report), summary, report.Coverage);
        });
        return command;
    }

    static Command Rank(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var level = new Option<string>("--level") { Description = "province, city or county.", DefaultValueFactory = _ => "city" };
        var top = new Option<int>("--top") { Description = "How many regions to list.", DefaultValueFactory = _ => 20 };
        var command = new Command("rank", "Every province, city or county scored by how complete a chain is there, with its missing segments.") { chain, level, top, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new RankRequest(result.GetValue(chain)!, result.GetValue(level)!, result.GetValue(top), Tagged(result));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var summary = $"{report.ChainName} over {report.Total:N0} regions ({report.Level}): {report.WithMakers:N0} hold a maker; " +
                $"{report.Unplaced:N0} of its {report.Makers:N0} makers have no known {report.Level} and count for none."
                + (report.Derived is { } derived ? $"{Environment.NewLine}{derived.Why}." : "");
            return Emit(console, result, report, ReportTables.Rank(report), summary, report.Coverage,
                (report.Regions.Count, report.Total, "regions", "--top"));
        });
        return command;
    }

    /// <summary>A row per segment, a column per region: status, makers, their share of the supply, innovation carriers; then the scores.</summary>
}
