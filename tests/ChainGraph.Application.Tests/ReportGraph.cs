using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Tests;

/// <summary>
/// A three-segment chain built by hand for the 招商 report. 常州 has two cell makers (one 链主) and a
/// local pilot base supporting cells; it has no separator maker (missing). Separators are made in
/// 云南 (a 链主 already supplying 常州) and 广东 by an enterprise whose name tries to be markup and a
/// formula; packs are made in 常州 by one enterprise (weak) and in 福建.
/// </summary>
internal static class ReportGraph
{
    public const string Script = "<script>alert('x')</script>隔膜厂";

    public const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    public static GraphSnapshot Build()
    {
        var nodes = new List<GraphNode>();
        var rels = new List<GraphRelationship>();
        void Node(string id, NodeLabel label, params (string Key, object Value)[] properties)
        {
            var values = new Dictionary<string, object> { ["name"] = id };
            foreach (var (key, value) in properties) values[key] = value;
            nodes.Add(new GraphNode(id, label, values));
        }
        void Rel(RelType type, string from, string to) => rels.Add(new GraphRelationship(type, from, to, new Dictionary<string, object>()));
        void Enterprise(string id, string name, string province, string city, params string[] tags) =>
            Node(id, NodeLabel.Enterprise, ("name", name), ("province", province), ("city", city), ("country", "CN"), ("tags", tags));

        Node("lib", NodeLabel.Chain, ("name", "锂电池"));
        foreach (var (id, name, stage, order, product) in new[]
        {
            ("lib:separator", "隔膜", "upstream", 1, "隔膜"), ("lib:cell", "电芯", "midstream", 2, "动力电池"), ("lib:pack", "电池包", "downstream", 3, "电池包"),
        })
        {
            Node(id, NodeLabel.Segment, ("name", name), ("stage", stage), ("order", (long)order));
            Node(product, NodeLabel.Product);
            Rel(RelType.PartOf, id, "lib");
            Rel(RelType.InSegment, product, id);
        }
        Rel(RelType.Feeds, "lib:separator", "lib:cell");
        Rel(RelType.Feeds, "lib:cell", "lib:pack");
        Rel(RelType.InputTo, "隔膜", "动力电池");
        Rel(RelType.InputTo, "动力电池", "电池包");

        Enterprise("cell-leader", "常州电芯", "江苏省", "常州市", "链主", "上市");
        Enterprise("cell-small", "武进电芯", "江苏省", "常州市");
        Enterprise("pack-local", "金坛电池包", "江苏省", "常州市", "专精特新");
        Enterprise("semcorp", "恩捷", "云南省", "玉溪市", "链主");
        Enterprise("script", Script, "广东省", "深圳市");
        Enterprise("formula", Formula, "广东省", "广州市");
        Enterprise("pack-far", "福建电池包", "福建省", "宁德市");
        foreach (var (maker, product) in new[]
        {
            ("cell-leader", "动力电池"), ("cell-small", "动力电池"), ("pack-local", "电池包"), ("semcorp", "隔膜"), ("script", "隔膜"), ("formula", "隔膜"),
            ("pack-far", "电池包"),
        })
            Rel(RelType.Makes, maker, product);
        Rel(RelType.Supplies, "semcorp", "cell-leader");
        Node("ic:pilot", NodeLabel.InnovationCentre, ("name", "常州动力电池中试基地"), ("province", "江苏省"), ("city", "常州市"));
        Rel(RelType.Supports, "ic:pilot", "lib:cell");
        return SnapshotBuilder.Of(nodes, rels);
    }
}
