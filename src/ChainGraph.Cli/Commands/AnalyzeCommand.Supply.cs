using System.CommandLine;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;

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
        var command = new Command("alternatives", "Other makers, substitutes and a domestic-substitution (国产替代) list for chokepoint inputs.") { product, chain, top, limit, Tag, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new AlternativesRequest(result.GetValue(product), result.GetValue(chain), result.GetValue(top), result.GetValue(limit),
                TagSet.Parse(result.GetValue(Tag)));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var summary = string.Join(Environment.NewLine, report.Items.Select(i =>
                $"{(i.Rank is { } r ? $"#{r} " : "")}{i.Name}: {i.MakerCount} known makers ({i.DomesticMakers} domestic), {i.SubstitutesTotal} substitutes with makers"
                + (i.SubstitutesWithoutMakers > 0 ? $" ({i.SubstitutesWithoutMakers} more no one is known to make)" : "")
                + (i.DomesticSubstitution is { } d ? $", {d.Count} 国产替代 candidates" : "") + $"; {i.Status}"));
            return Emit(console, result, report, SupplyTables.Alternatives(report), summary.Length == 0 ? "No chokepoint product to answer for." : summary, report.Coverage);
        });
        return command;
    }

    static Command SupplyLoss(CliConsole console)
    {
        var remove = new Option<string?>("--remove") { Description = "Comma-separated ids of enterprises or products to remove." };
        var region = new Option<string?>("--region") { Description = "Remove every enterprise of this region." };
        var chain = new Option<string?>("--chain") { Description = "Also report the loss per segment of this chain (Chain id or Industry)." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "List enterprises that lose at least this share of their inputs (0 to 1).", DefaultValueFactory = _ => DisruptionOptions.Default.InputLossThreshold,
        };
        var command = new Command("supply-loss", "Share-weighted disruption: the share of each product's supply cut, and who loses their inputs.")
            { remove, region, chain, threshold, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new DisruptionRequest(result.GetValue(remove), result.GetValue(region), result.GetValue(chain)) { Threshold = result.GetValue(threshold) };
            var (report, snapshot) = await RunAsync(result, request, cancellationToken);
            var view = DisruptionView.Of(snapshot, report);
            return Emit(console, result, view, SupplyTables.SupplyLoss(view),
                $"Removing {view.Removed.Count} nodes cuts the supply of {view.Supply.Count:N0} products ({view.Supply.Count - view.PartlyAffected:N0} wholly, {view.PartlyAffected:N0} partly); "
                + $"{view.Exposed.Count:N0} enterprises lose at least {view.InputLossThreshold * 100:0}% of their inputs.", report.Coverage);
        });
        return command;
    }

    static Command Countries(CliConsole console)
    {
        var product = new Option<string?>("--product") { Description = "Only this product (a Product id)." };
        var chain = new Option<string?>("--chain") { Description = "Only this chain (Chain id, or an Industry id or name); default every chain template." };
        var top = new Option<int>("--top") { Description = "How many products to list, most foreign-dependent first.", DefaultValueFactory = _ => 50 };
        var command = new Command("countries", "Foreign dependence by country: each product's, segment's and chain's supply per country.") { product, chain, top, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CountriesRequest(result.GetValue(product), result.GetValue(chain), result.GetValue(top));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var lines = report.Chains.Select(c => $"{c.Name}: {c.ForeignShare * 100:0.#}% of supply abroad"
                + (c.DependsOn.Count == 0 ? "" : "; depends most on " + string.Join(", ", c.DependsOn.Take(3).Select(d => $"{d.Country} {d.Share * 100:0.#}%"))))
                .Prepend(report.Note);
            return Emit(console, result, report, SupplyTables.Countries(report), string.Join(Environment.NewLine, lines), report.Coverage,
                (report.Products.Count, report.ProductsTotal, "products", "--top"));
        });
        return command;
    }

    static Command Carriers(CliConsole console)
    {
        var chain = new Option<string?>("--chain") { Description = "Only the chokepoints of this chain (Chain id, or an Industry id or name)." };
        var region = new Option<string?>("--region") { Description = "Only this region (province or city, or a country code); default every province." };
        var top = new Option<int>("--top") { Description = "How many items of the chokepoint ranking to consider.", DefaultValueFactory = _ => ChokepointOptions.Default.Top };
        var command = new Command("carriers", "Innovation carriers (SUPPORTS, PARTNERS) for each chokepoint, and the chokepoints none addresses, per region.")
            { chain, region, top, Scope, Csv };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new CarriersRequest(result.GetValue(chain), result.GetValue(region), result.GetValue(top), result.GetValue(Scope));
            var (report, _) = await RunAsync(result, request, cancellationToken);
            var regions = report.Regions.Where(r => r.Unaddressed.Count > 0).Take(5)
                .Select(r => $"{r.Region}: {r.Unaddressed.Count} of {r.Relevant} chokepoints without a local carrier ({string.Join("、", r.Unaddressed.Take(5).Select(u => u.Name))})");
            return Emit(console, result, report, SupplyTables.Carriers(report), string.Join(Environment.NewLine, regions.Prepend(report.Note)), report.Coverage);
        });
        return command;
    }
}
