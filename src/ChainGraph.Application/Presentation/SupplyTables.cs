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
    public static Table SupplyLoss(DisruptionView view, Language language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = view.Supply.Select(p => (IReadOnlyList<string>)
            [
                language.Say(p.Lost ? "断供产品|lost product" : "部分受影响|partly affected"), p.Id, p.Name, Number(p.Share), p.Basis,
                p.Via is null ? new Phrase("{1} 家生产企业中移除 {0} 家", "{0}/{1} makers removed", p.MakersLost, p.Makers).In(language)
                : new Phrase("受{0}所限", "bounded by {0}", p.ViaName).In(language),
            ])
            .Concat(view.Exposed.Select(e => (IReadOnlyList<string>)
            [
                language.Say("受冲击企业|exposed enterprise"), e.Id, e.Name, Number(e.Share), language.Say(e.PurchasesLost > e.InputShareLost ? "采购|purchases" : "投入|inputs"),
                new Reason(
                [
                    new Phrase("{1} 种投入中 {0} 种受冲击，投入损失 {2:0}%", "{0}/{1} inputs hit, {2:0}% of inputs lost", e.InputsHit, e.Inputs, e.InputShareLost * 100),
                    .. e.PurchasesLost is { } bought ? [new Phrase("{0:0}% 的采购来自被移除的供应商", "{0:0}% of purchases from removed suppliers", bought * 100)] : Array.Empty<Phrase>(),
                    .. e.WorstInput is { } w ? [new Phrase("最严重：{0}", "worst: {0}", w)] : Array.Empty<Phrase>(),
                ]).In(language),
            ]))
            .ToList();
        return new(Words.Header(language, "类别|kind", "编号|id", "名称|name", "损失份额|share lost", "口径|basis", "说明|note"), rows);
    }

    /// <summary>The countries each chain depends on, its segments' splits, then the products' splits (most foreign-dependent first).</summary>
    public static Table Countries(CountryReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var d in report.Countries)
            rows.Add([language.Say("范围|scope"), report.Scope, report.Scope, d.Country, d.Name ?? "", Number(d.Share), Depends(d)]);
        foreach (var c in report.Chains)
        {
            foreach (var d in c.DependsOn)
                rows.Add([language.Say("产业链|chain"), c.Id, c.Name, d.Country, d.Name ?? "", Number(d.Share), Depends(d)]);
            foreach (var s in c.Segments)
                rows.Add([language.Say("环节|segment"), s.Id, s.Name, s.TopForeign ?? "", "", Number(s.ForeignShare), Split(s.Countries)]);
        }
        foreach (var p in report.Products)
            rows.Add([language.Say("产品|product"), p.Id, p.Name, p.Countries.FirstOrDefault(c => c.Country != "CN")?.Country ?? "", p.Basis, Number(p.ForeignShare),
                Split(p.Countries) + (p.UnknownShare > 0 ? new Phrase("；国别未知 {0:0}%", "; unknown {0:0}%", p.UnknownShare * 100).In(language) : "")]);
        return new(Words.Header(language, "类别|kind", "编号|id", "名称|name", "国家|country", "国名/口径|country name / basis", "份额（境外）|share (foreign)", "构成|split"), rows);

        string Depends(CountryDependence d) =>
            new Phrase("{0} 种产品，领先 {1} 种，{2} 种过半：{3}", "{0} products, leads {1}, ≥50% in {2}: {3}", d.Products, d.Leads, d.Majority, string.Join("、", d.MajorityProducts))
                .In(language);

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
