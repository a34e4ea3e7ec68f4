using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Testing;

namespace ChainGraph.Analysis.Tests;

/// <summary>The templates of graph/chains attached to the ChainKnowledgeGraph data by their match rules (挂链).</summary>
public sealed class ChainTemplatesOnRealDataTests
{
    /// <summary>Listed makers and the segment their reported products put them in.</summary>
    static readonly (string Enterprise, string Name, string Segment)[] MustAttach =
    [
        ("688005", "容百科技", "lithium-battery:cathode"), ("300073", "当升科技", "lithium-battery:cathode"), ("300769", "德方纳米", "lithium-battery:cathode"),
        ("002466", "天齐锂业", "lithium-battery:lithium-salts"), ("002460", "赣锋锂业", "lithium-battery:lithium-salts"),
        ("603799", "华友钴业", "lithium-battery:precursors"), ("002340", "格林美", "lithium-battery:precursors"),
        ("600884", "杉杉股份", "lithium-battery:anode"), ("300035", "中科电气", "lithium-battery:anode"), ("603659", "璞泰来", "lithium-battery:anode"),
        ("300568", "星源材质", "lithium-battery:separator"), ("002108", "沧州明珠", "lithium-battery:separator"),
        ("300037", "新宙邦", "lithium-battery:electrolyte"), ("002407", "多氟多", "lithium-battery:electrolyte"),
        ("688388", "嘉元科技", "lithium-battery:current-collectors"), ("300450", "先导智能", "lithium-battery:equipment"), ("300457", "赢合科技", "lithium-battery:equipment"),
        ("300750", "宁德时代", "lithium-battery:cells"), ("300014", "亿纬锂能", "lithium-battery:cells"), ("002074", "国轩高科", "lithium-battery:cells"),
        ("300207", "欣旺达", "lithium-battery:cells"),
        ("600438", "通威股份", "photovoltaics:silicon"), ("603260", "合盛硅业", "photovoltaics:silicon"), ("601012", "隆基股份", "photovoltaics:wafers"),
        ("603688", "石英股份", "photovoltaics:quartz-consumables"), ("300724", "捷佳伟创", "photovoltaics:equipment"), ("300751", "迈为股份", "photovoltaics:equipment"),
        ("603806", "福斯特", "photovoltaics:auxiliary-materials"), ("601865", "福莱特", "photovoltaics:auxiliary-materials"),
        ("300118", "东方日升", "photovoltaics:cells"), ("688599", "天合光能", "photovoltaics:modules"),
        ("300274", "阳光电源", "photovoltaics:inverters"), ("300763", "锦浪科技", "photovoltaics:inverters"),
        ("002594", "比亚迪", "new-energy-vehicles:vehicles"), ("601633", "长城汽车", "new-energy-vehicles:vehicles"), ("600104", "上汽集团", "new-energy-vehicles:vehicles"),
        ("000625", "长安汽车", "new-energy-vehicles:vehicles"), ("300750", "宁德时代", "new-energy-vehicles:power-battery"),
        ("600660", "福耀玻璃", "new-energy-vehicles:body-chassis"), ("002050", "三花智控", "new-energy-vehicles:thermal-management"),
        ("002920", "德赛西威", "new-energy-vehicles:smart-driving"),
        ("002202", "金风科技", "wind-power:turbines"), ("601615", "明阳智能", "wind-power:turbines"), ("300772", "运达股份", "wind-power:turbines"),
        ("603218", "日月股份", "wind-power:castings-forgings"), ("002080", "中材科技", "wind-power:blades"), ("002487", "大金重工", "wind-power:towers-foundations"),
        ("603606", "东方电缆", "wind-power:cables"), ("603063", "禾望电气", "wind-power:electrical-control"),
        ("601890", "亚星锚链", "marine-equipment:key-parts"), ("601989", "中国重工", "marine-equipment:vessels"), ("600320", "振华重工", "marine-equipment:platforms"),
        ("601808", "中海油服", "marine-equipment:epc-services"),
        ("688981", "中芯国际", "integrated-circuits:manufacturing"), ("600584", "长电科技", "integrated-circuits:packaging"), ("002156", "通富微电", "integrated-circuits:packaging"),
        ("002371", "北方华创", "integrated-circuits:equipment"), ("688012", "中微公司", "integrated-circuits:equipment"), ("603501", "韦尔股份", "integrated-circuits:design"),
        ("603986", "兆易创新", "integrated-circuits:design"), ("688268", "华特气体", "integrated-circuits:materials"),
        ("002747", "埃斯顿", "industrial-robots:bodies"), ("300124", "汇川技术", "industrial-robots:controllers"), ("002896", "中大力德", "industrial-robots:reducers"),
        ("300760", "迈瑞医疗", "medical-devices:imaging"), ("300760", "迈瑞医疗", "medical-devices:life-support"), ("300003", "乐普医疗", "medical-devices:consumables"),
        ("600111", "北方稀土", "rare-earth-magnets:mining-separation"), ("300748", "金力永磁", "rare-earth-magnets:magnets"), ("000970", "中科三环", "rare-earth-magnets:magnets"),
        ("600366", "宁波韵升", "rare-earth-magnets:magnets"),
        ("688339", "亿华通", "hydrogen:stacks"), ("002002", "鸿达兴业", "hydrogen:storage"),
        ("600893", "航发动力", "aerospace:engines"), ("688122", "西部超导", "aerospace:materials"), ("600118", "中国卫星", "aerospace:space"),
        ("600388", "龙净环保", "environmental-protection:air"), ("300137", "先河环保", "environmental-protection:monitoring"),
    ];

    /// <summary>Makers whose product names hold a segment's keyword but are something else.</summary>
    static readonly (string Enterprise, string Name, string Segment, string Why)[] MustNotAttach =
    [
        ("603279", "景津环保", "lithium-battery:separator", "隔膜压滤机 is a filter press"),
        ("300408", "三环集团", "lithium-battery:separator", "燃料电池隔膜板 is a fuel-cell part"),
        ("600516", "方大炭素", "lithium-battery:anode", "石墨电极 is an arc-furnace electrode"),
        ("002437", "誉衡药业", "lithium-battery:electrolyte", "电解质类药物 is a drug"),
        ("000858", "五粮液", "new-energy-vehicles:vehicles", "a liquor maker"),
        ("600297", "广汇汽车", "new-energy-vehicles:vehicles", "整车销售 is a dealer's trade"),
        ("603063", "禾望电气", "wind-power:turbines", "风电整机控制系统 is a control system"),
        ("603518", "锦泓集团", "integrated-circuits:eda-ip", "IP授权 of a fashion brand"),
        ("000681", "视觉中国", "industrial-robots:sensors", "视觉内容 is stock imagery"),
        ("002960", "青鸟消防", "medical-devices:hospitals", "气体检测 holds 体检"),
        ("600520", "文一科技", "medical-devices:consumables", "LED支架 is a lead frame"),
    ];

    static ChainSegment Segment(string id)
    {
        var chain = ChainSegments.Resolve(ChainKgSnapshot.WithTemplates, id.Split(':')[0]);
        return chain.Segments.Single(s => s.Id == id);
    }

    static bool Holds(ChainSegment segment, string enterprise) =>
        ChainKgSnapshot.WithTemplates.TryGetIndex(enterprise, out var v) && segment.Makers.Contains(v);

    [ChainKgFact]
    public void KnownMakers_AreAttachedToTheSegmentTheirProductsBelongTo()
    {
        var missing = MustAttach.Where(p => !Holds(Segment(p.Segment), p.Enterprise)).Select(p => $"{p.Name} {p.Enterprise} → {p.Segment}").ToList();

        Assert.True(MustAttach.Length >= 40);
        Assert.Empty(missing);
    }

    [ChainKgFact]
    public void KeywordsThatAlsoNameUnrelatedProducts_AttachNoneOfThem()
    {
        var wrong = MustNotAttach.Where(p => Holds(Segment(p.Segment), p.Enterprise)).Select(p => $"{p.Name} {p.Enterprise} in {p.Segment} ({p.Why})").ToList();

        Assert.Empty(wrong);
    }

    [ChainKgFact]
    public void EveryTemplate_HasNationalMakersInAtLeastFourFifthsOfItsSegments()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;
        var chains = ChainSegments.Templates(snapshot);

        var thin = chains.Select(c => (c.Id, Share: c.Segments.Count(s => s.Makers.Any(m => snapshot.Countries[m] is "CN")) / (double)c.Segments.Count))
            .Where(c => c.Share < 0.8).Select(c => $"{c.Id}: {c.Share:P0}").ToList();

        Assert.True(chains.Count >= 12);
        Assert.Empty(thin);
    }

    [ChainKgFact]
    public void EveryAttachment_NamesTheRuleThatMadeIt()
    {
        foreach (var segment in ChainSegments.Templates(ChainKgSnapshot.WithTemplates).SelectMany(c => c.Segments))
        {
            Assert.Equal(segment.Products.Length, segment.ProductRules!.Length);
            Assert.Equal(segment.Makers.Length, segment.MakerRules!.Length);
            Assert.All(segment.MakerRules, r => Assert.Contains(Rule.KindOf(r), Rule.Kinds));
        }
    }

    [ChainKgFact]
    public void Attachment_IsTheSameWhetherTheTemplatesAreImportedBeforeOrAfterTheData()
    {
        static Dictionary<string, string[]> Makers(Model.Snapshot.GraphSnapshot s) => ChainSegments.Templates(s).SelectMany(c => c.Segments)
            .ToDictionary(seg => seg.Id, seg => seg.Makers.Select(m => s.Ids[m]).Order(StringComparer.Ordinal).ToArray());

        var before = Makers(ChainKgSnapshot.Load(templatesFirst: true));
        var after = Makers(ChainKgSnapshot.WithTemplates);

        Assert.Equal(after.Keys.Order(), before.Keys.Order());
        foreach (var (segment, makers) in after) Assert.Equal(makers, before[segment]);
    }

    [ChainKgFact]
    public void IndustryThatATemplateCovers_GivesTheTemplate()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;

        Assert.Equal("lithium-battery", ChainSegments.Resolve(snapshot, "SW630701").Id);
        Assert.Equal("new-energy-vehicles", ChainSegments.Resolve(snapshot, "电动乘用车").Id);
        Assert.Equal("photovoltaics", ChainSegments.Resolve(snapshot, "光伏电池组件").Id);
        Assert.Null(ChainSegments.Resolve(snapshot, "SW630701").Derived);
    }

    [ChainKgFact]
    public void DerivedIndustryChain_KeepsOnlySupportedIndustrialUpstreamLinks()
    {
        var snapshot = ChainKgSnapshot.Instance;

        var car = ChainSegments.Resolve(snapshot, "电动乘用车");
        var battery = ChainSegments.Resolve(snapshot, "SW630700");

        Assert.DoesNotContain(car.Segments, s => s.Name is "白酒Ⅲ" or "油品石化贸易");
        Assert.Equal(0, car.Derived!.Links);
        Assert.Equal(20, car.Derived.BelowThreshold);
        Assert.Equal(["SW630701", "SW630702", "SW630703", "SW630704", "SW630705"],
            battery.Segments.Where(s => s.Stage == "midstream").Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(battery.Segments, s => s.Name == "原材料供应链服务");
        Assert.Equal(1, battery.Derived!.NonIndustrial);
    }

    [ChainKgFact]
    public void EveryTemplate_HasASectorAndTogetherTheyCoverAllNine()
    {
        var snapshot = ChainKgSnapshot.WithTemplates;
        var sectors = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Chain).Select(v => snapshot.Sectors[v]).ToList();

        Assert.All(sectors, s => Assert.Contains(s, Model.Chains.StrategicSectors.All));
        Assert.Equal(Model.Chains.StrategicSectors.All.Order(), sectors.Distinct().Order());
        Assert.All(Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] != NodeLabel.Chain), v => Assert.Null(snapshot.Sectors[v]));
    }
}
