using System.CommandLine;
using ChainGraph.Analysis.Profile;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Cli.Commands;

/// <summary><c>profile ID</c>: one enterprise on one page.</summary>
public static class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "Enterprise id, e.g. 300750." };
        var limit = new Option<int>("--limit") { Description = "At most this many customers and suppliers each.", DefaultValueFactory = _ => 50 };
        var command = new Command("profile", "An enterprise's place, tags, chains and segments, customers, suppliers, partners, clusters, chokepoints and 招商 candidacies.") { id, limit };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new ProfileRequest(result.GetValue(id)!, result.GetValue(limit));
            request.Validate();
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var snapshot = await store.LoadSnapshotAsync(cancellationToken);
            var profile = ProfileRequest.WithStored(request.Run(snapshot, cancellationToken), await store.GetNodeAsync(request.Id, cancellationToken));
            var language = CommonOptions.LanguageOf(result);
            if (result.GetValue(CommonOptions.Json)) console.WriteJson(profile, language);
            else Write(console, profile, language);
            return ExitCodes.Ok;
        });
        return command;
    }

    static void Write(CliConsole console, EnterpriseProfile p, Language language)
    {
        var place = p.Place;
        console.Out.WriteLine($"{p.Name} ({p.Id}){(place.FullName is { } full ? " " + full : "")}");
        var where = string.Join(" ", new[] { place.Province, place.City, place.County }.OfType<string>().DefaultIfEmpty(place.Country ?? language.Say("未知|unknown")));
        var how = place.Source is { } source
            ? place.Note is { } note ? new Phrase("（来自{0}：{1}）", " (from the {0}: {1})", source, note) : new Phrase("（来自{0}）", " (from the {0})", source)
            : place.Province is null ? Phrase.Verbatim("") : new Phrase("（数据所载）", " (as the data gives it)");
        console.Out.WriteLine(language.Say("  地点：|  place: ") + where + how.In(language));
        if (p.Tags.Count > 0) console.Out.WriteLine(language.Say("  标签：|  tags: ") + string.Join("、", p.Tags));
        if (p.Clusters.Count > 0) console.Out.WriteLine(language.Say("  集群：|  clusters: ") + string.Join("、", p.Clusters.Select(c => c.Name)));
        if (p.Coverage is { } coverage) console.Out.WriteLine(language.Say("数据覆盖：|coverage: ") + coverage.Summary().In(language));
        console.Out.WriteLine();
        console.WriteTable(Words.Header(language, "产业链|chain", "环节|segment", "阶段|stage", "规则|rule", "产品|products"),
            p.Chains.Select(c => (IReadOnlyList<string>)[c.ChainName, c.SegmentName, ReportTables.Stage(c.Stage, language), c.Rule, string.Join("、", c.Products)]));
        Counterparts(console, language, "客户|customers", p.Customers, p.CustomersTotal);
        Counterparts(console, language, "供应商|suppliers", p.Suppliers, p.SuppliersTotal);
        Counterparts(console, language, "创新合作方|innovation partners", p.InnovationPartners, p.InnovationPartners.Count, volumes: false);
        foreach (var c in p.Chokepoints) console.Out.WriteLine(language.Say("卡脖子：|chokepoint: ") + c.Why.In(language));
        foreach (var c in p.Candidate) console.Out.WriteLine(language.Say("招商候选：|招商 candidate: ") + c.Why.In(language));
    }

    static void Counterparts(CliConsole console, Language language, string what, IReadOnlyList<Counterpart> shown, int total, bool volumes = true)
    {
        console.Out.WriteLine();
        console.Out.WriteLine(language == Language.En ? $"{language.Say(what)} ({total:N0}):" : $"{language.Say(what)}（{total:N0}）：");
        if (shown.Count == 0) return;
        var header = Words.Header(language, ["编号|id", "名称|name", "省份|province", "城市|city", .. volumes ? new[] { "数量|volume" } : []]);
        console.WriteTable(header, shown.Select(c => (IReadOnlyList<string>)
            [c.Id, c.Name, c.Province ?? "", c.City ?? "", .. volumes ? new[] { c.Volume is { } v ? ReportTables.Number(v) : "" } : []]));
        console.WriteShown(shown.Count, total, what, "--limit", language);
    }
}
