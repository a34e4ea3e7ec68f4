using System.CommandLine;
using ChainGraph.Analysis.Chains;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Cli.Commands;

/// <summary>The chain verbs: how a chain's segments are attached to the data (挂链).</summary>
public static partial class AnalyzeCommand
{
    static Command Coverage(CliConsole console)
    {
        var chain = new Option<string>("--chain") { Description = "A Chain id, or an Industry id or name.", Required = true };
        var command = new Command("coverage", "Per segment of a chain, how many makers its match rules attach and by which rule.") { chain, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CoverageRequest(result.GetValue(chain)!, ChainOptions.Default);
            var (report, snapshot) = await RunAsync(result, request, cancellationToken);
            var language = CommonOptions.LanguageOf(result);
            var summary = new Phrase("{0}{1}：{3} 个环节中 {2} 个有生产企业，共 {4:N0} 家。", "{0}{1}: {2} of {3} segments have makers, {4:N0} makers in all.",
                report.ChainName, report.Sector is { } s ? $" ({s})" : "", report.Covered, report.Segments.Count, report.Makers).In(language) + Derived(report.Derived, language);
            return Emit(console, result, report, CoverageTable(report, language), summary, Analysis.Scope.SnapshotFacts.Of(snapshot).Coverage);
        });
        return command;
    }

    static Table CoverageTable(ChainCoverageReport report, Language language) =>
        new([.. Words.Header(language, "环节|segment", "阶段|stage", "产品|products", "生产企业|makers"), .. Rule.Kinds, language.Say("主要规则|top rules")],
            report.Segments.Select(s => (IReadOnlyList<string>)
            [
                s.Name, ReportTables.Stage(s.Stage, language), Number(s.Products), Number(s.Makers), .. Rule.Kinds.Select(k => Number(s.ByKind[k])),
                string.Join("; ", s.Rules.Where(r => r.Makers > 0).Take(4).Select(r => $"{r.Rule} ({r.Makers})")),
            ]).ToList());
}
