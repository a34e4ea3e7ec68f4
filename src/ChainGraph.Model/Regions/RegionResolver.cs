namespace ChainGraph.Model.Regions;

/// <summary>
/// Derives an enterprise's province and city from its registered name, which by law begins
/// with the place it was registered in (邵阳维克液压股份有限公司 → 湖南省 邵阳市).
/// </summary>
/// <remarks>
/// The longest division name at the start wins; on a tie the higher level wins, so a bare
/// 吉林 or 海南 means the province (right at province level whichever was meant) and a bare
/// 朝阳 the city in Liaoning. After a province the next name is looked up inside that province
/// only (北京朝阳… → 北京市). A name shared by divisions of different cities resolves to none.
/// A name that starts with its brand may give the place in brackets: 嘉美食品包装（滁州）… → 滁州市.
/// </remarks>
public sealed class RegionResolver(ChinaGazetteer gazetteer)
{
    public static RegionResolver Default { get; } = new(ChinaGazetteer.Instance);

    public RegionMatch? Resolve(string registeredName)
    {
        ArgumentNullException.ThrowIfNull(registeredName);
        var name = registeredName.AsSpan().Trim();
        // Try the start of the name, then the text after each opening bracket.
        while (true)
        {
            var (first, length) = LongestAt(name, inProvince: null);
            if (first is not null)
            {
                if (first.Level != DivisionLevel.Province) return new RegionMatch(gazetteer.ByCode(first.ProvinceCode)!, City(first));
                var (inner, _) = LongestAt(name[length..], first.Code);
                return new RegionMatch(first, City(inner) ?? City(first));
            }
            var open = name.IndexOfAny('（', '(');
            if (open < 0 || open + 1 >= name.Length) return null;
            name = name[(open + 1)..];
        }
    }

    AdminDivision? City(AdminDivision? division) => division?.CityCode is { } code ? gazetteer.ByCode(code) : null;

    (AdminDivision? Division, int Length) LongestAt(ReadOnlySpan<char> text, string? inProvince)
    {
        for (var length = Math.Min(text.Length, gazetteer.LongestName); length >= 2; length--)
        {
            var candidates = gazetteer.ByName(text[..length])
                .Where(d => inProvince is null ? true : d.ProvinceCode == inProvince && d.Level != DivisionLevel.Province)
                .ToList();
            if (candidates.Count == 0) continue;
            var best = candidates.Min(d => d.Level);
            var top = candidates.Where(d => d.Level == best).ToList();
            if (top.Count == 1 || top.Select(d => d.CityCode).Distinct().Count() == 1) return (top[0], length);
            return (null, 0);
        }
        return (null, 0);
    }
}
