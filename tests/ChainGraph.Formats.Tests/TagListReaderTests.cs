using ChainGraph.Formats.Tags;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Testing;

namespace ChainGraph.Formats.Tests;

public sealed class TagListReaderTests : IDisposable
{
    static readonly GraphNode[] Enterprises =
    [
        Enterprise("300750", "宁德时代", ("fullName", "宁德时代新能源科技股份有限公司"), ("tags", new[] { "链主" })),
        Enterprise("002460", "赣锋锂业"),
        Enterprise("e:east", "东方电气"),
        Enterprise("e:east-2", "东方电气"),
    ];

    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    static GraphNode Enterprise(string id, string name, params (string Key, object Value)[] properties) =>
        new(id, NodeLabel.Enterprise, new Dictionary<string, object>(properties.Select(p => KeyValuePair.Create(p.Key, p.Value))) { ["name"] = name });

    ImportPlan Read(string csv)
    {
        folder.Write("tags.csv", csv);
        var batch = new GraphBatch();
        new TagListReader(Enterprises).Read(folder.File("tags.csv"), batch);
        return batch.Resolve(Enterprises.ToDictionary(e => e.Id, e => e.Label));
    }

    [Fact]
    public void Read_RowsByIdNameOrRegisteredName_AddTagsToTheEnterprisesOwn_WithEachRowsNote()
    {
        var plan = Read("""
            name,tag,year,source
            宁德时代新能源科技股份有限公司,单项冠军,2023,工信部第八批
            宁德时代,单项冠军,2023,工信部第八批
            赣锋锂业,专精特新,2022,
            """.ReplaceLineEndings("\n") + "\n");

        Assert.Empty(plan.Rejected);
        var catl = Assert.Single(plan.Nodes, n => n.Id == "300750");
        Assert.Equal(["链主", "单项冠军"], (string[])catl.Properties["tags"]);
        Assert.Equal(["单项冠军 · 2023 · 工信部第八批"], (string[])catl.Properties["tagNotes"]);
        var ganfeng = Assert.Single(plan.Nodes, n => n.Id == "002460");
        Assert.Equal(["专精特新"], (string[])ganfeng.Properties["tags"]);
        Assert.Equal(["专精特新 · 2022"], (string[])ganfeng.Properties["tagNotes"]);
    }

    [Fact]
    public void Read_ANameNoEnterpriseHasOrSeveralHave_IsRejectedWithLineAndChoices()
    {
        var plan = Read("id,name,tag\n,东方电气,专精特新\n,比亚迪,链主\n999999,,链主\n300750,,\n");

        Assert.Empty(plan.Nodes);
        Assert.Equal(
        [
            (2L, "field 'name': 2 enterprises have this name (e:east, e:east-2); give the id. Got: '东方电气'"),
            (3L, "field 'name': no enterprise has this name or registered name. Got: '比亚迪'"),
            (4L, "field 'id': no enterprise has this id. Got: '999999'"),
            (5L, "field 'tag' is missing or empty"),
        ], plan.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.All(plan.Rejected, r => Assert.Equal("tags.csv", r.File));
    }

    [Fact]
    public void Read_AHeaderWithoutTagOrWithoutTheEnterprise_RefusesTheFile()
    {
        var noTag = Assert.Throws<FormatException>(() => Read("id,year\n300750,2023\n"));
        var noEnterprise = Assert.Throws<FormatException>(() => Read("tag,year\n链主,2023\n"));

        Assert.Contains("tags.csv:1: the header has no 'tag' column", noTag.Message);
        Assert.Contains("neither 'id' nor 'name'", noEnterprise.Message);
    }
}
