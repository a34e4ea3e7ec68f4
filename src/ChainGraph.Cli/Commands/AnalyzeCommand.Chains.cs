using System.CommandLine;
using ChainGraph.Analysis.Chains;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;

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
            var summary = $"{report.ChainName}{(report.Sector is { } s ? $" ({s})" : "")}: {report.Covered} of {report.Segments.Count} segments have makers, {report.Makers:N0} makers in all."
                + Derived(report.Derived, CommonOptions.LanguageOf(result));
            return Emit(console, result, report, CoverageTable(report), summary, Analysis.Scope.SnapshotFacts.Of(snapshot).Coverage);
        });
        return command;
    }

    static Table CoverageTable(ChainCoverageReport report) =>
        new(["segment", "stage", "products", "makers", .. Rule.Kinds, "top rules"],
            report.Segments.Select(s => (IReadOnlyList<string>)
            [
                s.Name, s.Stage, Number(s.Products), Number(s.Makers), .. Rule.Kinds.Select(k => Number(s.ByKind[k])),
                string.Join("; ", s.Rules.Where(r => r.Makers > 0).Take(4).Select(r => $"{r.Rule} ({r.Makers})")),
            ]).ToList());
}
