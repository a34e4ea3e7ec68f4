using System.Text.RegularExpressions;

namespace ChainGraph.Application.Presentation.Report;

/// <summary>
/// The analyses' reasons (gap candidates, chokepoints) in Chinese for the report, clause by clause;
/// a clause it does not know stays as the analysis wrote it, so a new wording is never lost.
/// </summary>
public static partial class ReasonText
{
    static readonly (Regex Pattern, string Chinese)[] Clauses =
    [
        (Clause(@"makes (?<a>.+?) \((?<b>\d+)% of the segment's volume\)"), "生产${a}（占环节产量 ${b}%）"),
        (Clause(@"makes (?<a>.+?) \((?<b>\d+)/(?<c>\d+) of the segment's products\)"), "生产${a}（环节 ${c} 种产品中的 ${b} 种）"),
        (Clause(@"capacity (?<a>\S+) \((?<b>\d+)% of the segment's known capacity\)"), "产能 ${a}（占环节已知产能 ${b}%）"),
        (Clause(@"in (?<a>.+?), makes (?<b>.+)"), "属于${a}，生产${b}"),
        (Clause(@"already trades with (?<a>.+?) in (?<b>.+?) and makes inputs of (?<c>.+)"), "已与${b}的${a}有供货往来，并为${c}供应上游投入品"),
        (Clause(@"already trades with (?<a>.+?) in (?<b>.+)"), "已与${b}的${a}有供货往来"),
        (Clause(@"makes inputs of (?<a>.+?) in (?<b>.+)"), "为${b}的${a}供应上游投入品"),
        (Clause(@"makes (?<a>.+)"), "生产${a}"),
        (Clause(@"segment HHI (?<a>.+)"), "环节集中度 HHI ${a}"),
        (Clause(@"same province \((?<a>.+)\)"), "同省（${a}）"),
        (Clause(@"county not known \(in (?<a>.+)\): may already be local"), "区县不明（在${a}）：可能已在本地"),
        (Clause(@"city not known \(in (?<a>.+)\): may already be local"), "城市不明（在${a}）：可能已在本地"),
        (Clause(@"place not known"), "地点不明"),
        (Clause(@"only known maker with segment (?<a>.+?): (?<b>.+)"), "唯一已知生产商（按环节${a}计）：${b}"),
        (Clause(@"only known maker: (?<a>.+)"), "唯一已知生产商：${a}"),
        (Clause(@"only known maker of (?<a>.+)"), "唯一已知生产商，产品：${a}"),
        (Clause(@"concentrated: (?<a>\d+) known makers with segment (?<b>.+?), HHI (?<c>\S+)"), "供给集中：已知生产商 ${a} 家（按环节${b}计），HHI ${c}"),
        (Clause(@"concentrated: (?<a>\d+) known makers, HHI (?<c>\S+)"), "供给集中：已知生产商 ${a} 家，HHI ${c}"),
        (Clause(@"(?<a>\d+) known makers with segment (?<b>.+)"), "已知生产商 ${a} 家（按环节${b}计）"),
        (Clause(@"all known makers abroad"), "已知生产商全在境外"),
        (Clause(@"(?<a>\d+)% of supply abroad"), "境外供给占 ${a}%"),
        (Clause(@"(?<a>\d+)% of supply in (?<b>.+)"), "${a}% 的供给在${b}"),
        (Clause(@"abroad \((?<a>.+)\)"), "境外（${a}）"),
        (Clause(@"articulation point of the supply network"), "供应网络的关节点"),
    ];

    public static string Chinese(string? why)
    {
        if (string.IsNullOrEmpty(why)) return "";
        return string.Join("；", why.Split("; ").Select(One));
    }

    static string One(string clause)
    {
        clause = More().Replace(clause, "等（另 ${n} 家）");
        if (Depends().Match(clause) is { Success: true } d)
        {
            var text = $"{d.Groups["p"].Value} 种产品依赖它";
            if (d.Groups["e"].Success) text += $"，涉及 {d.Groups["e"].Value} 家企业";
            if (d.Groups["c"].Success) text += $"，在 {d.Groups["c"].Value} 条产业链中";
            return text;
        }
        foreach (var (pattern, chinese) in Clauses)
            if (pattern.Match(clause) is { Success: true } m) return m.Result(chinese);
        return clause;
    }

    static Regex Clause(string pattern) => new("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@" and (?<n>\d+) more\b", RegexOptions.CultureInvariant)]
    private static partial Regex More();

    [GeneratedRegex(@"^(?<p>\d+) products? depends? on it(?:, made by (?<e>\d+) enterprises?)?(?:, in (?<c>\d+) chains?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Depends();
}
