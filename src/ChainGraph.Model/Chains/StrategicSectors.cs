namespace ChainGraph.Model.Chains;

/// <summary>
/// The nine strategic emerging industries of the 2023 catalogue (工业战略性新兴产业分类目录),
/// the values a Chain's <c>sector</c> may take.
/// </summary>
public static class StrategicSectors
{
    public static IReadOnlyList<string> All { get; } =
        ["新一代信息技术", "高端装备制造", "新材料", "生物", "新能源汽车", "新能源", "节能环保", "航空航天", "海洋装备"];
}
