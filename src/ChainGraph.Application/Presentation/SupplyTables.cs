using ChainGraph.Analysis.Alternatives;
using ChainGraph.Analysis.Carriers;
using ChainGraph.Analysis.Countries;

namespace ChainGraph.Application.Presentation;

/// <summary>The supply-side answers (alternatives, supply loss, countries, carriers) as tables, the same for the command line and the API's CSV downloads.</summary>
public static class SupplyTables
{
    /// <summary>One row per maker, substitute maker and domestic candidate, under the input they are alternatives for.</summary>
    public static Table Alternatives(AlternativesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in report.Items)
        {
            var rank = item.Rank is { } r ? Number(r) : "";
            var input = item.Name;
            rows.Add([rank, input, "input", item.Id, item.Name, "", "", item.ForeignShare is { } f ? Number(f) : "unknown", item.Status]);
            foreach (var m in item.Makers)
                rows.Add([rank, input, "maker", m.Id, m.Name, Place(m.Country, m.Province, m.City), Capacity(m.Capacity), Number(m.Share), Tags(m.Tags)]);
            foreach (var s in item.Substitutes)
            {
                var how = s.Kind == "substituteGroup" ? $"替代组 {s.Group}，进入{s.ViaName}" : $"同属{s.ViaName}";
                rows.Add([rank, input, s.Kind, s.Id, s.Name, "", "", "", $"{how}；{s.MakerCount} 家生产企业，其中国内 {s.DomesticMakers} 家"]);
                foreach (var m in s.Makers)
                    rows.Add([rank, input, "substitute maker", m.Id, m.Name, Place(m.Country, m.Province, m.City), Capacity(m.Capacity), Number(m.Share), s.Name]);
            }
            foreach (var c in item.DomesticSubstitution ?? [])
                rows.Add([rank, input, "国产替代", c.Id, c.Name, Place("CN", c.Province, c.City), Capacity(c.Capacity), Number(c.Score), string.Join("；", c.Evidence)]);
        }
        return new(["rank", "input", "kind", "id", "name", "place", "capacity", "share / score", "note"], rows);
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
    public static Table Carriers(CarrierReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in report.Chokepoints)
        {
            if (c.Carriers.Count == 0) rows.Add(["chokepoint", Number(c.Rank), c.Id, c.Name, "", "", "无创新载体支撑"]);
            foreach (var carrier in c.Carriers)
                rows.Add(["chokepoint", Number(c.Rank), c.Id, c.Name, carrier.Name, Place("CN", carrier.Province, carrier.City), string.Join("；", carrier.Ways)]);
        }
        foreach (var r in report.Regions)
        {
            foreach (var a in r.Addressed) rows.Add(["region addressed", "", a.Id, a.Name, string.Join("、", a.LocalCarriers), r.Region, ""]);
            foreach (var u in r.Unaddressed)
                rows.Add(["region unaddressed", "", u.Id, u.Name, "", r.Region, u.CarriersElsewhere > 0 ? $"{u.CarriersElsewhere} 个外地载体可对接" : "任何地方都没有载体"]);
        }
        return new(["kind", "rank", "id", "chokepoint", "carrier", "region", "how"], rows);
    }

    internal static string Place(string? country, string? province, string? city) =>
        country is not null && country != "CN" ? country : string.Join(" ", new[] { province, city == province ? null : city }.Where(p => p is not null));

    static string Capacity(double? capacity) => capacity is { } c ? Number(c) : "";

    static string Tags(IReadOnlyList<string> tags) => string.Join("、", tags);

    static string Number(double value) => ReportTables.Number(value);
}
