using System.Text;

namespace ChainGraph.Server.Tests;

/// <summary>
/// A small SW classification over demo enterprises, as ChainKnowledgeGraph gives one: 电力设备 › 电网设备 › 输变电设备 with
/// two members in 江苏 (whose products the demo knows), 配电设备 with none, and 金属新材料 upstream of 输变电设备 with one member
/// in 江西. No demo template covers these industries, so each forms a chain of its own. Importing it twice changes nothing.
/// </summary>
internal static class DemoIndustries
{
    public const string Grid = "SW630801";

    /// <summary>配电设备: an industry without members.</summary>
    public const string Empty = "SW630802";

    static readonly string[] Lines =
    [
        Node("SW630000", "电力设备"), Node("SW630800", "电网设备"), Node(Grid, "输变电设备"), Node(Empty, "配电设备"), Node("SW240000", "有色金属"),
        Node("SW240200", "金属新材料"),
        Link("PARENT", "SW630800", "Industry", "SW630000", "Industry"), Link("PARENT", Grid, "Industry", "SW630800", "Industry"),
        Link("PARENT", Empty, "Industry", "SW630800", "Industry"), Link("PARENT", "SW240200", "Industry", "SW240000", "Industry"),
        Link("UPSTREAM_OF", "SW240200", "Industry", Grid, "Industry", """{"weight":5}"""),
        Link("IN_INDUSTRY", "300390", "Enterprise", Grid, "Industry"), Link("IN_INDUSTRY", "ent:easpring-jiangsu", "Enterprise", Grid, "Industry"),
        Link("IN_INDUSTRY", "002460", "Enterprise", "SW240200", "Industry"),
    ];

    public static async Task ImportAsync(HttpClient http)
    {
        using var body = new StringContent(string.Join('\n', Lines), Encoding.UTF8);
        (await http.PostAsync("/api/import?format=jsonl", body)).EnsureSuccessStatusCode();
    }

    static string Node(string id, string name) => $$$"""{"type":"node","id":"{{{id}}}","labels":["Industry"],"properties":{"name":"{{{name}}}"}}""";

    static string Link(string type, string start, string startLabel, string end, string endLabel, string properties = "{}") =>
        $$"""{"type":"relationship","label":"{{type}}","start":{"id":"{{start}}","labels":["{{startLabel}}"]},"end":{"id":"{{end}}","labels":["{{endLabel}}"]},"properties":""" + properties + "}";
}
