using ChainGraph.Model.Regions;

namespace ChainGraph.Model.Tests;

public sealed class RegionResolverTests
{
    static (string Province, string? City)? Resolve(string name) =>
        RegionResolver.Default.Resolve(name) is { } m ? (m.Province.Name, m.City?.Name) : null;

    [Theory]
    [InlineData("邵阳维克液压股份有限公司", "湖南省", "邵阳市")]
    [InlineData("北京同益中新材料科技股份有限公司", "北京市", "北京市")]
    [InlineData("深圳市鸿富瀚科技股份有限公司", "广东省", "深圳市")]
    [InlineData("广东华特气体股份有限公司", "广东省", null)]
    [InlineData("江苏省苏州市某某科技有限公司", "江苏省", "苏州市")]
    [InlineData("宁德时代新能源科技股份有限公司", "福建省", "宁德市")]
    [InlineData("江阴兴澄特种钢铁有限公司", "江苏省", "无锡市")]
    [InlineData("嘉美食品包装（滁州）股份有限公司", "安徽省", "滁州市")]
    public void RegisteredName_GivesProvinceAndCity(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    [Theory]
    [InlineData("吉林化纤股份有限公司", "吉林省", null)]
    [InlineData("吉林市某某有限公司", "吉林省", "吉林市")]
    [InlineData("海南橡胶股份有限公司", "海南省", null)]
    [InlineData("朝阳某某机械有限公司", "辽宁省", "朝阳市")]
    [InlineData("北京朝阳某某有限公司", "北京市", "北京市")]
    [InlineData("吉林长春朝阳某某有限公司", "吉林省", "长春市")]
    public void AmbiguousPlaceNames_ResolveByTheDocumentedRule(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    [Theory]
    [InlineData("中国石油化工股份有限公司")]
    [InlineData("苏宁易购集团股份有限公司")]
    [InlineData("")]
    public void NameWithoutAPlace_GivesNothing(string name) => Assert.Null(Resolve(name));

    [Theory]
    [InlineData("广东", "广东省")]
    [InlineData("广东省", "广东省")]
    [InlineData("深圳", "深圳市")]
    [InlineData("常州市", "常州市")]
    [InlineData("吉林", "吉林省")]
    public void FindRegion_TakesShortOrFullNames(string name, string expected) =>
        Assert.Equal(expected, ChinaGazetteer.Instance.FindRegion(name)?.Name);
}

public sealed class ChinaGazetteerTests
{
    [ChainGraph.Testing.CnFact]
    public void Gazetteer_HoldsEveryProvinceAndCityOfTheReferenceList()
    {
        var reference = File.ReadLines(Path.Combine(ChainGraph.Testing.SharedData.Cn!, "china_admin_divisions.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[1] is "province" or "city" && f[8] == "0")
            .ToList();

        Assert.Equal(31 + 333, reference.Count);
        Assert.All(reference, f => Assert.Equal(f[2], ChinaGazetteer.Instance.ByCode(f[0])?.Name));
    }
}
