using System.CommandLine;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;

namespace ChainGraph.Cli.Commands;

/// <summary>The supply-side verbs: alternatives for chokepoints, share-weighted supply loss, dependence by country, innovation carriers.</summary>
public static partial class AnalyzeCommand
{
    static Command Alternatives(CliConsole console)
    {
        var product = new Option<string?>("--product") { Description = "The input (a Product id); without it, the top chokepoints." };
        var chain = new Option<string?>("--chain") { Description = "Without --product: the top chokepoints of this chain (Chain id, or an Industry id or name)." };
        var top = new Option<int>("--top") { Description = "Without --product: how many top chokepoint products.", DefaultValueFactory = _ => 3 };
        var limit = new Option<int>("--limit") { Description = "At most this many enterprises per list.", DefaultValueFactory = _ => 20 };
        var command = new Command("alternatives", "Other makers, substitutes and a domestic-substitution (国产替代) list for chokepoint inputs.") { product, chain, top, limit, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new AlternativesRequest(result.GetValue(product), result.GetValue(chain), result.GetValue(top), result.GetValue(limit));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var summary = string.Join(Environment.NewLine, report.Items.Select(i =>
                $"{(i.Rank is { } r ? $"#{r} " : "")}{i.Name}: {i.MakerCount} known makers ({i.DomesticMakers} domestic), {i.Substitutes.Count} substitutes"
                + (i.DomesticSubstitution is { } d ? $", {d.Count} 国产替代 candidates" : "") + $"; {i.Status}"));
            return Emit(console, result, report, SupplyTables.Alternatives(report), summary.Length == 0 ? "No chokepoint product to answer for." : summary, report.Coverage);
        });
        return command;
    }
}
