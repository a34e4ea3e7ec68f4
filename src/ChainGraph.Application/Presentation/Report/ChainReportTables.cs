using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Application.Reports;
using ChainGraph.Model.Text;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>One value of a report table: its text, the number behind it (a numeric cell in xlsx) and the status that colours it.</summary>
public sealed record ReportCell(string Text, double? Number = null, GapStatus? Status = null)
{
    /// <summary>The xlsx number format of <see cref="Number"/>; null for the general one.</summary>
    public string? NumberFormat { get; init; }

    /// <summary>A share (0..1) shown as a percentage, or 未知 when unknown.</summary>
    public static ReportCell Share(double? share) => share is { } s ? new ReportCell(ReportText.Percent(s), s) { NumberFormat = "0.0%" } : "未知";

    public static implicit operator ReportCell(string? text) => new(text ?? "");

    public static ReportCell Of(double value, string format = "0.####") => new(ReportText.Number(value, format), value);

    public static ReportCell Of(GapStatus status) => new(ReportText.Status(status), null, status);
}

/// <summary>A row of a report table.</summary>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells);

/// <summary>A titled table of the report, on the xlsx sheet <paramref name="Sheet"/> (tables sharing a sheet follow one another).</summary>
public sealed record ReportTable(string Sheet, string Title, string? Note, IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows);

/// <summary>The report's tables in Chinese, the same for the xlsx and the html.</summary>
public static class ChainReportTables
{
    public static IReadOnlyList<ReportTable> All(ChainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [Segments(report), Candidates(report), Enterprises(report), Carriers(report), Unaddressed(report), Chokepoints(report)];
    }

    public static ReportTable Segments(ChainReport report) => new("环节状态", "环节状态", "缺失：本地无在产企业；薄弱：本地企业少或份额低；具备：有一定基础；优势：本地企业多或份额高。",
        ["环节", "阶段", "状态", "本地企业数", "全国企业数", "本地份额", "本地企业", "本地创新载体", "招商候选数"],
        [.. report.Segments.Select(s => Row(s.Name, ReportText.Stage(s.Stage), ReportCell.Of(s.Status), ReportCell.Of(s.Local), ReportCell.Of(s.National),
            s.LocalShare is { } share ? ReportCell.Share(share) : "按企业数计", ReportText.List(s.LocalMakers),
            ReportText.List(s.InnovationCentres), ReportCell.Of(s.Candidates)))]);

    public static ReportTable Candidates(ChainReport report) => new("招商目标", "招商目标（补链/强链）", "缺失环节在前、薄弱环节在后；得分与理由来自链缺口分析（产能、标签、与本地企业的供货关系、集中度缓解、同省）。",
        ["序号", "环节", "环节状态", "环节内排名", "企业", "企业代码", "省份", "城市", "标签", "得分", "推荐理由"],
        [.. report.Candidates.Select((c, i) => Row(ReportCell.Of(i + 1), c.SegmentName, ReportCell.Of(c.SegmentStatus), ReportCell.Of(c.Rank), c.Name, c.Id,
            c.Province, c.City, ReportText.List(c.Tags), ReportCell.Of(c.Score), c.Why.In(Language.Zh)))]);

    public static ReportTable Enterprises(ChainReport report) => new("本地重点企业", "本地重点企业", $"本地在产的链上企业，链主、单项冠军、专精特新、独角兽、上市企业在前（至多 {ChainReportComposer.MaxEnterprises} 家）。",
        ["序号", "企业", "企业代码", "城市", "标签", "参与环节"],
        [.. report.Enterprises.Select((e, i) => Row(ReportCell.Of(i + 1), e.Name, e.Id, e.City, ReportText.List(e.Tags), ReportText.List(e.Segments)))]);

    public static ReportTable Carriers(ChainReport report) => new("本地创新载体", "本地创新载体", "支撑本链环节的本地创新中心、重点实验室、中试基地等，及其可攻关的卡脖子环节。",
        ["载体", "代码", "城市", "支撑环节", "可攻关的卡脖子"],
        [.. report.Carriers.Select(c => Row(c.Name, c.Id, c.City, ReportText.List(c.Segments), ReportText.List(c.Chokepoints)))]);

    public static ReportTable Unaddressed(ChainReport report) => new("本地创新载体", "本地无载体攻关的卡脖子", "本地企业在产或需要、但本地无创新载体支撑的卡脖子产品。",
        ["排名", "卡脖子", "代码", "其他地区载体数", "原因"],
        [.. report.UnaddressedLocally.Select(c => Row(ReportCell.Of(c.Rank), c.Name, c.Id, ReportCell.Of(c.CarriersElsewhere ?? 0), c.Why.In(Language.Zh)))]);

    public static ReportTable Chokepoints(ChainReport report) => new("卡脖子环节与替代", "卡脖子环节与替代", report.Flagged
            ? "供应商少、集中于一省或依赖境外的投入品（卡脖子排名中被标记者，保留其名次）；前几项附替代来源（其他在产企业、替代品、国产替代候选）。"
            : "数据中本链没有被标记的卡脖子（唯一已知生产商、HHI 高于 0.4、境外占比过半或一省占比 80% 以上）；以下为按依赖程度排名靠前的投入品，前几项附替代来源。",
        ["排名", "产品", "代码", "供应商数", "HHI", "境外占比", "得分", "原因", "替代现状", "在产企业", "替代品", "国产替代候选"],
        [.. report.Chokepoints.Select(c => Row(ReportCell.Of(c.Rank), c.Name, c.Id, ReportCell.Of(c.Suppliers), ReportCell.Of(c.Hhi),
            ReportCell.Share(c.ForeignShare), ReportCell.Of(c.Score), c.Why.In(Language.Zh), c.Status?.In(Language.Zh) ?? "",
            ReportText.List(c.Makers), ReportText.List(c.Substitutes), ReportText.List(c.DomesticCandidates)))]);

    static ReportRow Row(params ReportCell[] cells) => new(cells);
}

/// <summary>The report's headline lines, the same at the top of the html and on the xlsx's 概览 sheet.</summary>
public static class ChainReportSummary
{
    public static IReadOnlyList<string> Lines(ChainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = Enum.GetValues<GapStatus>().Select(s => $"{ReportText.Status(s)} {report.Segments.Count(g => g.Status == s)}");
        var lines = new List<string>
        {
            $"环节 {report.Segments.Count} 个：{string.Join("，", counts)}",
            $"链完整度得分 {ReportText.Number(report.Score, "0.#")}（满分 100）" + (report.Rank is { } r ? $"，在 {r.Of} 个{Level(r.Level)}中排第 {r.Rank}" : ""),
            $"招商目标 {report.Candidates.Count} 家，本地重点企业 {report.Enterprises.Count} 家，本地创新载体 {report.Carriers.Count} 个，卡脖子 {report.Chokepoints.Count} 项",
        };
        if (report.Derived is { } derived) lines.Add("链的来源：" + derived.In(Language.Zh));
        if (report.Coverage.Length > 0) lines.Add("数据覆盖：" + report.Coverage);
        return lines;
    }

    static string Level(string level) => level switch { "province" => "省级地区", "city" => "地级市", _ => "县级地区" };
}
