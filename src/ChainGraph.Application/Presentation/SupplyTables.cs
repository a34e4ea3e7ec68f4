using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.Countries;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Presentation;

/// <summary>The supply-side answers (alternatives, supply loss, countries, carriers) as tables in the reader's language, the same for the command line and the API's CSV downloads.</summary>
public static class SupplyTables
{
    /// <summary>One row per maker, substitute maker and domestic candidate, under the input they are alternatives for.</summary>
    public static Table Alternatives(AlternativesReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in report.Items)
        {
            var rank = item.Rank is { } r ? Number(r) : "";
            var input = item.Name;
            rows.Add([rank, input, language.Say("投入品|input"), item.Id, item.Name, "", "", item.ForeignShare is { } f ? Number(f) : language.Say("未知|unknown"),
                item.Status.In(language)]);
            foreach (var m in item.Makers)
                rows.Add([rank, input, language.Say("生产企业|maker"), m.Id, m.Name, Place(m.Country, m.Province, m.City), Capacity(m.Capacity), Number(m.Share), Tags(m.Tags)]);
            foreach (var s in item.Substitutes)
            {
                var how = s.Kind == "substituteGroup"
                    ? new Phrase("替代组 {0}，进入{1}；{2} 家生产企业，其中国内 {3} 家", "substitute group {0}, into {1}; {2} makers, {3} domestic", s.Group, s.ViaName, s.MakerCount, s.DomesticMakers)
                    : new Phrase("同属{1}；{2} 家生产企业，其中国内 {3} 家", "a kind of {1}; {2} makers, {3} domestic", s.Group, s.ViaName, s.MakerCount, s.DomesticMakers);
                rows.Add([rank, input, language.Say(s.Kind == "substituteGroup" ? "替代品|substitute" : "同类品|sibling"), s.Id, s.Name, "", "", "", how.In(language)]);
                foreach (var m in s.Makers)
                    rows.Add([rank, input, language.Say("替代品生产企业|substitute maker"), m.Id, m.Name, Place(m.Country, m.Province, m.City), Capacity(m.Capacity), Number(m.Share), s.Name]);
            }
            foreach (var c in item.DomesticSubstitution ?? [])
                rows.Add([rank, input, language.Say("国产替代|domestic substitute"), c.Id, c.Name, Place("CN", c.Province, c.City), Capacity(c.Capacity), Number(c.Score),
                    new Reason(c.Evidence).In(language)]);
        }
        return new(Words.Header(language, "排名|rank", "投入品|input", "类别|kind", "编号|id", "名称|name", "地点|place", "产能|capacity", "份额/得分|share / score", "说明|note"), rows);
    }

    /// <summary>One row per product whose supply is cut (largest share first), then one per exposed enterprise.</summary>
    public static Table SupplyLoss(DisruptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Supply.Select(p => (IReadOnlyList<string>)
            [
                p.Lost ? "lost product" : "partly affected", p.Id, p.Name, Number(p.Share), p.Basis,
                p.Via is null ? $"{p.MakersLost}/{p.Makers} makers removed" : $"bounded by {p.ViaName}",
            ])
            .Concat(view.Exposed.Select(e => (IReadOnlyList<string>)
            [
                "exposed enterprise", e.Id, e.Name, Number(e.Share), e.PurchasesLost > e.InputShareLost ? "purchases" : "inputs",
                $"{e.InputsHit}/{e.Inputs} inputs hit, {e.InputShareLost * 100:0}% of inputs lost"
                + (e.PurchasesLost is { } bought ? $", {bought * 100:0}% of purchases from removed suppliers" : "") + (e.WorstInput is { } w ? $"; worst: {w}" : ""),
            ]))
            .ToList();
        return new(["kind", "id", "name", "share lost", "basis", "note"], rows);
    }

    /// <summary>The countries each chain depends on, its segments' splits, then the products' splits (most foreign-dependent first).</summary>
    public static Table Countries(CountryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var d in report.Countries)
            rows.Add(["scope", report.Scope, report.Scope, d.Country, d.Name ?? "", Number(d.Share), $"{d.Products} products, leads {d.Leads}, ≥50% in {d.Majority}: {string.Join("、", d.MajorityProducts)}"]);
        foreach (var c in report.Chains)
        {
            foreach (var d in c.DependsOn)
                rows.Add(["chain", c.Id, c.Name, d.Country, d.Name ?? "", Number(d.Share), $"{d.Products} products, leads {d.Leads}, ≥50% in {d.Majority}: {string.Join("、", d.MajorityProducts)}"]);
            foreach (var s in c.Segments)
                rows.Add(["segment", s.Id, s.Name, s.TopForeign ?? "", "", Number(s.ForeignShare), Split(s.Countries)]);
        }
        foreach (var p in report.Products)
            rows.Add(["product", p.Id, p.Name, p.Countries.FirstOrDefault(c => c.Country != "CN")?.Country ?? "", p.Basis, Number(p.ForeignShare),
                Split(p.Countries) + (p.UnknownShare > 0 ? $"; unknown {p.UnknownShare * 100:0}%" : "")]);
        return new(["kind", "id", "name", "country", "country name / basis", "share (foreign)", "split"], rows);

        static string Split(IEnumerable<CountryShare> split) => string.Join("; ", split.Select(c => $"{c.Country} {c.Share * 100:0.#}%"));
    }

    /// <summary>One row per chokepoint and carrier, then per region the chokepoints it addresses and those it does not.</summary>
    public static Table Carriers(CarrierReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in report.Chokepoints)
        {
            var kind = language.Say("卡脖子产品|chokepoint");
            if (c.Carriers.Count == 0) rows.Add([kind, Number(c.Rank), c.Id, c.Name, "", "", language.Say("无创新载体支撑|no innovation carrier")]);
            foreach (var carrier in c.Carriers)
                rows.Add([kind, Number(c.Rank), c.Id, c.Name, carrier.Name, Place("CN", carrier.Province, carrier.City), new Reason(carrier.Ways).In(language)]);
        }
        foreach (var r in report.Regions)
        {
            foreach (var a in r.Addressed) rows.Add([language.Say("本地有载体|region addressed"), "", a.Id, a.Name, string.Join("、", a.LocalCarriers), r.Region, ""]);
            foreach (var u in r.Unaddressed)
                rows.Add([language.Say("本地无载体|region unaddressed"), "", u.Id, u.Name, "", r.Region, u.CarriersElsewhere > 0
                    ? new Phrase("{0} 个外地载体可对接", "{0} carriers elsewhere could help", u.CarriersElsewhere).In(language)
                    : language.Say("任何地方都没有载体|no carrier anywhere")]);
        }
        return new(Words.Header(language, "类别|kind", "排名|rank", "编号|id", "卡脖子产品|chokepoint", "创新载体|carrier", "地区|region", "方式|how"), rows);
    }

    internal static string Place(string? country, string? province, string? city) =>
        country is not null && country != "CN" ? country : string.Join(" ", new[] { province, city == province ? null : city }.Where(p => p is not null));

    static string Capacity(double? capacity) => capacity is { } c ? Number(c) : "";

    static string Tags(IReadOnlyList<string> tags) => string.Join("、", tags);

    static string Number(double value) => ReportTables.Number(value);
}
