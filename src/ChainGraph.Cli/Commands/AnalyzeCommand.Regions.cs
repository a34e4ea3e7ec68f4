using System.CommandLine;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;

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
            var language = CommonOptions.LanguageOf(result);
            var summary = string.Join(Environment.NewLine, report.Regions.Select(r => new Reason(
                [
                    new Phrase("{0} · {1}：得分 {2}", "{0} in {1}: score {2}", report.ChainName, r.Name, Number(r.Score)),
                    .. r.Missing.Count > 0 ? [new Phrase("缺失：{0}", "missing: {0}", string.Join("、", r.Missing))] : Array.Empty<Phrase>(),
                    .. r.Weak.Count > 0 ? [new Phrase("薄弱：{0}", "weak: {0}", string.Join("、", r.Weak))] : Array.Empty<Phrase>(),
                ]).In(language))) + Derived(report.Derived, language);
            return Emit(console, result, report, ReportTables.Compare(report, language), summary, report.Coverage);
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
            var language = CommonOptions.LanguageOf(result);
            var levelName = new Phrase(report.Level switch { "province" => "省份", "county" => "区县", _ => "城市" }, report.Level);
            var summary = new Phrase("{0}：{1:N0} 个{2}中 {3:N0} 个有生产企业；{5:N0} 家生产企业中 {4:N0} 家不知所在{2}，不计入。",
                "{0} over {1:N0} regions ({2}): {3:N0} hold a maker; {4:N0} of its {5:N0} makers have no known {2} and count for none.",
                report.ChainName, report.Total, levelName, report.WithMakers, report.Unplaced, report.Makers).In(language) + Derived(report.Derived, language);
            return Emit(console, result, report, ReportTables.Rank(report, language), summary, report.Coverage,
                (report.Regions.Count, report.Total, "地区|regions", "--top"));
        });
        return command;
    }

    /// <summary>A row per segment, a column per region: status, makers, their share of the supply, innovation carriers; then the scores.</summary>
}
