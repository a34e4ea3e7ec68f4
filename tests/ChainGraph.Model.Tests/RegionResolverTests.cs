using System.Text.Json;
using ChainGraph.Model.Regions;
using ChainGraph.Testing;

namespace ChainGraph.Model.Tests;

/// <summary>
/// Places from registered names. The tables hold real names of ChainKnowledgeGraph's company.json
/// (checked against it where the data is present) with where each enterprise really is, or null
/// where the name alone cannot say for sure.
/// </summary>
public sealed class RegionResolverTests
{
    static (string? Province, string? City) Resolve(string name) =>
        RegionResolver.Default.Resolve(name) is { } m ? (m.Province.Name, m.City?.Name) : (null, null);

    public static TheoryData<string, string, string?> PlaceAtTheStart => new()
    {
        { "邵阳维克液压股份有限公司", "湖南省", "邵阳市" },
        { "北京同益中新材料科技股份有限公司", "北京市", "北京市" },
        { "广东华特气体股份有限公司", "广东省", null },
        { "宁德时代新能源科技股份有限公司", "福建省", "宁德市" },
        { "泸州老窖股份有限公司", "四川省", "泸州市" },
        { "中山华利实业集团股份有限公司", "广东省", "中山市" },
        { "大理药业股份有限公司", "云南省", "大理白族自治州" },
        { "北海国发海洋生物产业股份有限公司", "广西壮族自治区", "北海市" },
        { "黄山旅游发展股份有限公司", "安徽省", "黄山市" },
        { "吉林化纤股份有限公司", "吉林省", null },
        { "长春百克生物科技股份公司", "吉林省", "长春市" },
        { "西藏多瑞医药股份有限公司", "西藏自治区", null },
        { "内蒙古伊泰煤炭股份有限公司", "内蒙古自治区", null },
        { "海南金盘智能科技股份有限公司", "海南省", null },
        { "宁夏晓鸣农牧股份有限公司", "宁夏回族自治区", null },
        { "潮州三环(集团)股份有限公司", "广东省", "潮州市" },
        { "青岛农村商业银行股份有限公司(简称:青岛农商银行)", "山东省", "青岛市" },
    };

    [Theory]
    [MemberData(nameof(PlaceAtTheStart))]
    public void Resolve_ProvinceOrCityNameAtTheStart_GivesThePlace(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    /// <summary>Ordinary words that are also county-level short names; also the real ones (昆山, 江阴), which say no suffix either.</summary>
    public static TheoryData<string> CountyShortNames => new()
    {
        "平安银行股份有限公司", "兴业银行股份有限公司", "兴业证券股份有限公司", "紫金矿业集团股份有限公司",
        "光明乳业股份有限公司", "东风汽车股份有限公司", "东方电气股份有限公司", "东方财富信息股份有限公司",
        "东方证券股份有限公司", "中原证券股份有限公司", "方正证券股份有限公司", "华安证券股份有限公司",
        "永安行科技股份有限公司", "太平洋证券股份有限公司", "凤凰光学股份有限公司", "海伦钢琴股份有限公司",
        "民丰特种纸股份有限公司", "卧龙电气驱动集团股份有限公司", "昆山国力电子科技股份有限公司",
        "江阴电工合金股份有限公司", "张家港广大特材股份有限公司",
    };

    [Theory]
    [MemberData(nameof(CountyShortNames))]
    public void Resolve_CountyShortNameWithoutSuffix_IsNotAPlace(string name) => Assert.Equal((null, null), Resolve(name));

    public static TheoryData<string, string, string?> CountyNamesThatCount => new()
    {
        { "常熟市汽车饰件股份有限公司", "江苏省", "苏州市" },
        { "江阴市恒润重工股份有限公司", "江苏省", "无锡市" },
        { "安福县海能实业股份有限公司", "江西省", "吉安市" },
        { "苏州工业园区凌志软件股份有限公司", "江苏省", "苏州市" },
        { "江苏张家港农村商业银行股份有限公司", "江苏省", "苏州市" },
        { "福建省永安林业(集团)股份有限公司", "福建省", "三明市" },
        { "山东阳谷华泰化工股份有限公司", "山东省", "聊城市" },
        { "云南罗平锌电股份有限公司", "云南省", "曲靖市" },
        { "上海浦东发展银行股份有限公司", "上海市", "上海市" },
        { "重庆市涪陵榨菜集团股份有限公司", "重庆市", "重庆市" },
        { "湖北京山轻工机械股份有限公司", "湖北省", "荆门市" },
        { "江苏武进不锈股份有限公司", "江苏省", "常州市" },
        { "新疆天山水泥股份有限公司", "新疆维吾尔自治区", "乌鲁木齐市" },
    };

    [Theory]
    [MemberData(nameof(CountyNamesThatCount))]
    public void Resolve_CountyNameWithItsSuffixOrAfterItsProvince_GivesItsCity(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    public static TheoryData<string, string, string?> Brackets => new()
    {
        { "康平科技（苏州）股份有限公司", "江苏省", "苏州市" },
        { "纽威数控装备（苏州）股份有限公司", "江苏省", "苏州市" },
        { "开勒环境科技（上海）股份有限公司", "上海市", "上海市" },
        { "华辰精密装备（昆山）股份有限公司", "江苏省", "苏州市" },
        { "中福海峡(平潭)发展股份有限公司", "福建省", "福州市" },
        { "全通教育集团(广东)股份有限公司", "广东省", null },
        { "中粮生物化学(安徽)股份有限公司", "安徽省", null },
        { "创业黑马(北京)科技股份有限公司", "北京市", "北京市" },
        { "力合科技（湖南）股份有限公司", "湖南省", null },
        { "胜宏科技(惠州)股份有限公司", "广东省", "惠州市" },
        { "嘉美食品包装（滁州）股份有限公司", "安徽省", "滁州市" },
        { "上海港湾基础建设（集团）股份有限公司", "上海市", "上海市" },
    };

    [Theory]
    [MemberData(nameof(Brackets))]
    public void Resolve_PlaceInBrackets_WinsOverTheStart(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    [Fact]
    public void Resolve_PlaceInBrackets_IsMarkedAsSuch()
    {
        Assert.True(RegionResolver.Default.Resolve("康平科技（苏州）股份有限公司")!.FromBrackets);
        Assert.False(RegionResolver.Default.Resolve("上海港湾基础建设（集团）股份有限公司")!.FromBrackets);
    }

    public static TheoryData<string, string?, string?> Subsidiaries => new()
    {
        { "大化集团大连化工股份有限公司", "辽宁省", "大连市" },
        { "哈尔滨电气集团佳木斯电机股份有限公司", "黑龙江省", "佳木斯市" },
        { "攀钢集团重庆钛业有限公司", "重庆市", "重庆市" },
        { "中国重汽集团济南卡车股份有限公司", "山东省", "济南市" },
        { "沈机集团昆明机床股份有限公司", "云南省", "昆明市" },
        { "中钢集团安徽天源科技股份有限公司", "安徽省", null },
        { "东方电气集团东方锅炉股份有限公司", null, null },
    };

    [Theory]
    [MemberData(nameof(Subsidiaries))]
    public void Resolve_SubsidiaryNamedAfterItsGroup_TakesTheSubsidiarysPlace(string name, string? province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    public static TheoryData<string, string, string?> BrandWordsAfterThePlace => new()
    {
        { "浙江松原汽车安全系统股份有限公司", "浙江省", null },
        { "广东朝阳电子科技股份有限公司", "广东省", null },
        { "浙江德宏汽车电子电器股份有限公司", "浙江省", null },
        { "珠海市乐通化工股份有限公司", "广东省", "珠海市" },
        { "宁波舟山港股份有限公司", "浙江省", "宁波市" },
    };

    [Theory]
    [MemberData(nameof(BrandWordsAfterThePlace))]
    public void Resolve_ShortPlaceNameAfterThePlace_IsABrandWordAndIgnored(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    public static TheoryData<string> NoPlace => new()
    {
        "中国石油化工股份有限公司", "中国平安保险(集团)股份有限公司", "中国宝安集团股份有限公司", "中国东方航空股份有限公司",
        "中国石化山东泰山石油股份有限公司", "比亚迪股份有限公司", "招商银行股份有限公司", "海天水务集团股份公司",
        "会稽山绍兴酒股份有限公司", "优利德科技（中国）股份有限公司", "惠而浦(中国)股份有限公司",
    };

    [Theory]
    [MemberData(nameof(NoPlace))]
    public void Resolve_BrandFirstName_GivesNoPlace(string name) => Assert.Equal((null, null), Resolve(name));

    [Theory]
    [InlineData("常熟市天银机电股份有限公司", "320581")]
    [InlineData("江苏江阴农村商业银行股份有限公司", "320281")]
    [InlineData("中新苏州工业园区开发集团股份有限公司", "320576")]
    [InlineData("上海浦东发展银行股份有限公司", "310115")]
    [InlineData("邵阳维克液压股份有限公司", null)]
    [InlineData("昆山新莱洁净应用材料股份有限公司", null)]
    public void Resolve_CountyTheNameGives_IsKept(string name, string? county) =>
        Assert.Equal(county, RegionResolver.Default.Resolve(name)?.County?.Code);

    [Fact]
    public void Resolve_FullPlaceNameInsideABrandFirstName_GivesThePlace() =>
        Assert.Equal(("江苏省", "苏州市"), Resolve("中新苏州工业园区开发集团股份有限公司"));

    [Theory]
    [InlineData("吉林市某某有限公司", "吉林省", "吉林市")]
    [InlineData("朝阳某某机械有限公司", "辽宁省", "朝阳市")]
    [InlineData("北京朝阳某某有限公司", "北京市", "北京市")]
    [InlineData("吉林长春朝阳某某有限公司", "吉林省", "长春市")]
    [InlineData("江苏省苏州市某某科技有限公司", "江苏省", "苏州市")]
    public void Resolve_AmbiguousPlaceNames_ResolveByTheDocumentedRule(string name, string province, string? city) =>
        Assert.Equal((province, city), Resolve(name));

    [Theory]
    [InlineData("东方市场股份有限公司")]
    [InlineData("鼓楼某某有限公司")]
    [InlineData("")]
    public void Resolve_MarketWordOrAmbiguousOrEmptyName_GivesNoPlace(string name) => Assert.Equal((null, null), Resolve(name));

    [ChainKgFact]
    public void Tables_HoldRealRegisteredNames()
    {
        var fullNames = File.ReadLines(Path.Combine(SharedData.ChainKg!, "company.json"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("fullname").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var tables = new IEnumerable<object?[]>[] { PlaceAtTheStart, CountyShortNames, CountyNamesThatCount, Brackets, Subsidiaries, BrandWordsAfterThePlace, NoPlace };
        var names = tables.SelectMany(t => t).Select(row => (string)row[0]!).Append("中新苏州工业园区开发集团股份有限公司").ToList();

        Assert.True(names.Count >= 60, $"{names.Count} names");
        Assert.All(names, name => Assert.Contains(name, fullNames));
    }

    [ChainKgFact]
    public void Resolve_EveryRealRegisteredName_GivesACityInsideItsProvince()
    {
        var places = File.ReadLines(Path.Combine(SharedData.ChainKg!, "company.json"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => RegionResolver.Default.Resolve(JsonDocument.Parse(l).RootElement.GetProperty("fullname").GetString()!))
            .ToList();

        Assert.All(places.OfType<RegionMatch>(), p => Assert.Equal(p.Province.Code, p.City?.ProvinceCode ?? p.Province.Code));
        Assert.InRange(places.Count(p => p is not null), places.Count * 2 / 3, places.Count);
    }

    [Theory]
    [InlineData("广东", "440000")]
    [InlineData("广东省", "440000")]
    [InlineData("深圳", "440300")]
    [InlineData("常州市", "320400")]
    [InlineData("吉林", "220000")]
    [InlineData("溧阳", "320481")]
    [InlineData("溧阳市", "320481")]
    [InlineData("320481", "320481")]
    [InlineData("CN-320481", "320481")]
    [InlineData("苏州工业园区", "320576")]
    [InlineData("南京鼓楼", "320106")]
    [InlineData("南京市/鼓楼区", "320106")]
    [InlineData("江苏溧阳", "320481")]
    [InlineData("朝阳", "211300")]
    [InlineData("北京朝阳", "110105")]
    public void Lookup_TakesCodesAndNamesOfEveryLevel(string name, string code) =>
        Assert.Equal(code, Assert.Single(ChinaGazetteer.Instance.Lookup(name)).Code);

    [Fact]
    public void Lookup_NameOfSeveralCounties_GivesEveryOne() =>
        Assert.Equal(["320106", "320302", "350102", "410204"], ChinaGazetteer.Instance.Lookup("鼓楼").Select(d => d.Code).Order());

    [Fact]
    public void Lookup_UnknownName_GivesNone() => Assert.Empty(ChinaGazetteer.Instance.Lookup("亚特兰蒂斯"));
}

public sealed class ChinaGazetteerTests
{
    [CnFact]
    public void Gazetteer_HoldsEveryProvinceAndCityOfTheReferenceList()
    {
        var reference = File.ReadLines(Path.Combine(SharedData.Cn!, "china_admin_divisions.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[1] is "province" or "city" && f[8] == "0")
            .ToList();

        Assert.Equal(31 + 333, reference.Count);
        Assert.All(reference, f => Assert.Equal(f[2], ChinaGazetteer.Instance.ByCode(f[0])?.Name));
    }

    [Theory]
    [InlineData("469007", true)]
    [InlineData("630203", true)]
    [InlineData("320581", true)]
    [InlineData("320500", false)]
    [InlineData("460000", false)]
    public void IsCountyLevel_CountsCountiesDistrictsAndCountyLevelCitiesTheProvinceAdministers(string code, bool expected) =>
        Assert.Equal(expected, ChinaGazetteer.Instance.ByCode(code)!.IsCountyLevel);
}
