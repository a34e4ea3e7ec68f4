using System.Globalization;
using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chokepoints;
using ChainGraph.Analysis.Ranking;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Presentation;

/// <summary>The analyses' reports as tables in the reader's language, the same for the command line and the API's CSV downloads.</summary>
public static class ReportTables
{
    public static Table Gaps(ChainGapReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Later columns go last so spreadsheets that address the older ones by position still find them.
        return new(Words.Header(language, "环节|segment", "阶段|stage", "状态|status", "本地|local", "全国|national", "排名|rank", "候选企业|candidate", "名称|name",
                "省份|province", "城市|city", "得分|score", "理由|why", "本地企业|local makers", "创新载体|innovation centres", "标签|tags"),
            report.Segments.SelectMany(s => s.Candidates.Count == 0 ? [Row(s, null, 0)] : s.Candidates.Select((c, i) => Row(s, c, i + 1))).ToList());

        // The segment's lists go on its first row only, so a segment with ten candidates does not repeat them ten times.
        IReadOnlyList<string> Row(SegmentGap s, GapCandidate? c, int rank) =>
        [
            s.Name, Stage(s.Stage, language), GapStatusText.Of(s.Status).In(language), Number(s.Local), Number(s.National),
            rank == 0 ? "" : Number(rank), c?.Id ?? "", c?.Name ?? "", c?.Province ?? (c?.Country is null or "CN" ? "" : c.Country), c?.City ?? "",
            c is null ? "" : Number(c.Score), c?.Why.In(language) ?? "",
            rank > 1 ? "" : string.Join("、", s.LocalMakers), rank > 1 ? "" : string.Join("、", s.InnovationCentres),
            string.Join("、", c?.Tags ?? []),
        ];
    }

    public static Table Chokepoints(ChokepointReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(Words.Header(language, "排名|rank", "编号|id", "名称|name", "类型|label", "已知生产商|suppliers", "HHI|hhi", "境外份额|foreignShare", "依赖产品|dependents",
                "支配产品|dominates", "关节点|articulation", "得分|score", "理由|why"),
            report.Items.Select((i, rank) => (IReadOnlyList<string>)
            [
                Number(rank + 1), i.Id, i.Name, language.Say(i.Label == "Product" ? "产品|Product" : "企业|Enterprise"), ForProducts(i, Number(i.Suppliers), language),
                ForProducts(i, Number(i.Hhi), language), ForProducts(i, i.ForeignShare is { } share ? Number(share) : language.Say("未知|unknown"), language),
                Number(i.Dependents), Number(i.Dominates), i.Articulation ? language.Say("是|yes") : "", Number(i.Score), i.Why.In(language),
            ]).ToList());
    }

    /// <summary>One row per segment, one column per region (status, makers, capacity share, carriers), and the regions' scores last.</summary>
    public static Table Compare(RegionComparisonReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Segments.Select(s => (IReadOnlyList<string>)
            [s.Name, Stage(s.Stage, language), Number(s.National), .. s.Regions.Select(Cell)]).ToList();
        rows.Add([language.Say("得分|score"), "", "", .. report.Regions.Select(r => Number(r.Score))]);
        return new Table([.. Words.Header(language, "环节|segment", "阶段|stage", "全国|national"), .. report.Regions.Select(r => r.Name)], rows);

        string Cell(RegionSegment r) =>
            $"{GapStatusText.Of(r.Status).In(language)} {r.Makers}" + (r.CapacityShare is { } share ? $" ({share * 100:0}%)" : "")
            + (r.InnovationCentres.Count == 0 ? ""
                : language == Language.En ? $", {r.InnovationCentres.Count} carrier{(r.InnovationCentres.Count > 1 ? "s" : "")}"
                : $"，载体 {r.InnovationCentres.Count} 个");
    }

    public static Table Rank(RegionRankingReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(Words.Header(language, "排名|rank", "代码|code", "地区|region", "省份|province", "得分|score", "理由|why"),
            report.Regions.Select(r => (IReadOnlyList<string>)[Number(r.Rank), r.Code, r.Name, r.Province ?? "", Number(r.Score), r.Why.In(language)]).ToList());
    }

    /// <summary>Makers, HHI and foreign share describe a product's supply; for an enterprise they do not apply.</summary>
    static string ForProducts(ChokepointItem item, string value, Language language) => item.Label == "Product" ? value : language.Say("—|n/a");

    /// <summary>A segment's stage as the reader says it: 上游/中游/下游 in Chinese, the data's word in English.</summary>
    public static string Stage(string stage, Language language) => language == Language.En ? stage : Report.ReportText.Stage(stage);

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
