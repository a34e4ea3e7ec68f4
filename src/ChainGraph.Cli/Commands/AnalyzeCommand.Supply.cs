using System.CommandLine;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Disruption;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;

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
            var language = CommonOptions.LanguageOf(result);
            var summary = string.Join(Environment.NewLine, report.Items.Select(i => new Reason(
                [
                    new Phrase("{0}{1}：已知生产企业 {2} 家（国内 {3} 家），有人生产的替代品 {4} 种", "{0}{1}: {2} known makers ({3} domestic), {4} substitutes with makers",
                        i.Rank is { } r ? $"#{r} " : "", i.Name, i.MakerCount, i.DomesticMakers, i.SubstitutesTotal),
                    .. i.SubstitutesWithoutMakers > 0 ? [new Phrase("另有 {0} 种无已知生产企业", "{0} more no one is known to make", i.SubstitutesWithoutMakers)] : Array.Empty<Phrase>(),
                    .. i.DomesticSubstitution is { } d ? [new Phrase("国产替代候选 {0} 家", "{0} domestic-substitution candidates", d.Count)] : Array.Empty<Phrase>(),
                    i.Status,
                ]).In(language)));
            return Emit(console, result, report, SupplyTables.Alternatives(report, language),
                summary.Length == 0 ? language.Say("没有需要回答的卡脖子产品。|No chokepoint product to answer for.") : summary, report.Coverage);
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
            var language = CommonOptions.LanguageOf(result);
            var view = DisruptionView.Of(snapshot, report);
            return Emit(console, result, view, SupplyTables.SupplyLoss(view, language),
                new Phrase("移除 {0} 个节点：{1:N0} 种产品供给受损（{2:N0} 种全部、{3:N0} 种部分）；{4:N0} 家企业损失至少 {5:0}% 的投入。",
                    "Removing {0} nodes cuts the supply of {1:N0} products ({2:N0} wholly, {3:N0} partly); {4:N0} enterprises lose at least {5:0}% of their inputs.",
                    view.Removed.Count, view.Supply.Count, view.Supply.Count - view.PartlyAffected, view.PartlyAffected, view.Exposed.Count, view.InputLossThreshold * 100)
                    .In(language), report.Coverage);
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
            var language = CommonOptions.LanguageOf(result);
            var lines = report.Chains.Select(c => new Phrase("{0}：境外供给占 {1:0.#}%{2}", "{0}: {1:0.#}% of supply abroad{2}", c.Name, c.ForeignShare * 100,
                    c.DependsOn.Count == 0 ? Phrase.Verbatim("")
                    : new Phrase("；最依赖 {0}", "; depends most on {0}", string.Join(", ", c.DependsOn.Take(3).Select(d => $"{d.Country} {d.Share * 100:0.#}%")))).In(language))
                .Prepend(report.Note.In(language));
            return Emit(console, result, report, SupplyTables.Countries(report, language), string.Join(Environment.NewLine, lines), report.Coverage,
                (report.Products.Count, report.ProductsTotal, "产品|products", "--top"));
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
            var language = CommonOptions.LanguageOf(result);
            var regions = report.Regions.Where(r => r.Unaddressed.Count > 0).Take(5)
                .Select(r => new Phrase("{0}：{2} 个相关卡脖子产品中 {1} 个本地无载体（{3}）", "{0}: {1} of {2} chokepoints without a local carrier ({3})",
                    r.Region, r.Unaddressed.Count, r.Relevant, string.Join("、", r.Unaddressed.Take(5).Select(u => u.Name))).In(language));
            return Emit(console, result, report, SupplyTables.Carriers(report, language), string.Join(Environment.NewLine, regions.Prepend(report.Note.In(language))),
                report.Coverage);
        });
        return command;
    }
}
