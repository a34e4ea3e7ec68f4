namespace ChainGraph.Model.Regions;

/// <summary>
/// Derives an enterprise's province, city and, where the name gives one, county from its registered
/// name, which by law begins with the place it was registered in (邵阳维克液压股份有限公司 → 湖南省 邵阳市). Precision comes
/// before coverage: when the name leaves any doubt, the place is unknown (null).
/// </summary>
/// <remarks>
/// <para>At the start, province and prefecture-level city names count in full or short (江苏…,
/// 苏州…). A county-level name counts only in full (常熟市…, 苏州工业园区…) or after its province
/// (江苏江阴… → 无锡市): its short form is often an ordinary word (平安银行, 东方电气, 兴业证券,
/// 光明乳业). The longest name wins; on a tie the higher level wins, so a bare 吉林 or 海南 means
/// the province and a bare 朝阳 the city in Liaoning; a name shared by divisions of different
/// cities gives none.</para>
/// <para>A place that belongs to the enterprise itself wins over the start: a bracket that holds
/// exactly a place name (康平科技（苏州）… → 苏州市) and the start of a subsidiary's own name after
/// its group's (大化集团大连化工… → 大连市). The start's city is kept when it lies in the province
/// so named. A name that starts with no place may still hold a full one (中新苏州工业园区开发… →
/// 苏州市); a short name further in is a brand word (浙江松原汽车…, 海天水务…) and counts for nothing.</para>
/// </remarks>
public sealed class RegionResolver(ChinaGazetteer gazetteer)
{
    public static RegionResolver Default { get; } = new(ChinaGazetteer.Instance);

    public RegionMatch? Resolve(string registeredName)
    {
        ArgumentNullException.ThrowIfNull(registeredName);
        var name = registeredName.AsSpan().Trim();
        var start = AtStart(name);
        if (InBrackets(name) is { } bracketed) return Prefer(bracketed, start);
        if (AfterGroup(name) is { } subsidiary) return Prefer(subsidiary, start);
        return start ?? FullNameInside(name);
    }

    RegionMatch? AtStart(ReadOnlySpan<char> text)
    {
        var (first, length) = Longest(text, inProvince: null);
        if (first is null) return null;
        if (first.Level != DivisionLevel.Province) return Place(first);
        var (inner, _) = Longest(text[length..], first.Code);
        return new RegionMatch(first, City(inner) ?? City(first)) { County = CountyOf(inner) };
    }

    /// <summary>The first bracket that holds exactly a place name; county-level short names count here, a bracket being no word.</summary>
    RegionMatch? InBrackets(ReadOnlySpan<char> name)
    {
        for (var open = name.IndexOfAny('（', '('); open >= 0; open = name.IndexOfAny('（', '('))
        {
            name = name[(open + 1)..];
            var close = name.IndexOfAny('）', ')');
            if (close < 0) return null;
            var named = gazetteer.ByName(name[..close]);
            if (named.Count > 0 && Pick([.. named]) is { } place) return Place(place) with { FromBrackets = true };
            name = name[close..];
        }
        return null;
    }

    /// <summary>The place at the start of what follows 集团: a subsidiary's registered name (哈尔滨电气集团佳木斯电机…).</summary>
    RegionMatch? AfterGroup(ReadOnlySpan<char> name)
    {
        for (var at = name.IndexOf("集团"); at >= 0; at = name.IndexOf("集团"))
        {
            name = name[(at + 2)..];
            if (AtStart(name) is { } place) return place;
        }
        return null;
    }

    /// <summary>The first full name of three characters or more after the start; shorter ones (城区, 郊区) are words.</summary>
    RegionMatch? FullNameInside(ReadOnlySpan<char> name)
    {
        for (var at = 1; at < name.Length; at++)
        {
            for (var length = Math.Min(name.Length - at, gazetteer.LongestName); length >= 3; length--)
            {
                var text = name.Slice(at, length);
                var full = new List<AdminDivision>();
                foreach (var d in gazetteer.ByName(text))
                    if (text.SequenceEqual(d.Name) && !IsMarket(name[at..], length)) full.Add(d);
                if (full.Count > 0) return Pick(full) is { } place ? Place(place) : null;
            }
        }
        return null;
    }

    /// <summary>The strong place, unless it names only a province and the start names a city in it.</summary>
    static RegionMatch Prefer(RegionMatch strong, RegionMatch? start) =>
        start is { City: not null } && strong.City is null && start.Province == strong.Province ? start : strong;

    /// <summary>
    /// The division the longest name at the start of <paramref name="text"/> gives; null when that
    /// name is ambiguous. Outside a province a county-level name counts only in full; inside
    /// <paramref name="inProvince"/> any name of its cities and counties counts.
    /// </summary>
    (AdminDivision? Division, int Length) Longest(ReadOnlySpan<char> text, string? inProvince)
    {
        for (var length = Math.Min(text.Length, gazetteer.LongestName); length >= 2; length--)
        {
            var name = text[..length];
            if (IsMarket(text, length)) continue;
            var candidates = new List<AdminDivision>();
            foreach (var d in gazetteer.ByName(name))
            {
                var counts = inProvince is null
                    ? !d.IsCountyLevel || name.SequenceEqual(d.Name)
                    : d.ProvinceCode == inProvince && d.Level != DivisionLevel.Province;
                if (counts) candidates.Add(d);
            }
            if (candidates.Count > 0) return (Pick(candidates), length);
        }
        return (null, 0);
    }

    /// <summary>The highest level among the candidates; null when that level holds divisions of different cities.</summary>
    static AdminDivision? Pick(List<AdminDivision> candidates)
    {
        var best = candidates.Min(d => d.Level);
        var top = candidates.FindAll(d => d.Level == best);
        return top.Select(d => d.CityCode).Distinct().Count() == 1 ? top[0] : null;
    }

    /// <summary>True when the first <paramref name="length"/> characters end in 市 and 场 follows: 东方市场 is a market, not 东方市.</summary>
    static bool IsMarket(ReadOnlySpan<char> text, int length) => text[length - 1] == '市' && text.Length > length && text[length] == '场';

    RegionMatch Place(AdminDivision division) => new(gazetteer.ByCode(division.ProvinceCode)!, City(division)) { County = CountyOf(division) };

    static AdminDivision? CountyOf(AdminDivision? division) => division is { Level: DivisionLevel.County } ? division : null;

    AdminDivision? City(AdminDivision? division) => division?.CityCode is { } code ? gazetteer.ByCode(code) : null;
}
