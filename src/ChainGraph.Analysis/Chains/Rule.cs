namespace ChainGraph.Analysis.Chains;

/// <summary>
/// The rule that attached a product or maker to a segment, as text: <c>template</c> (the
/// template's own IN_SEGMENT product), <c>subtype:P</c> (SUBTYPE_OF descendant of P),
/// <c>keyword:K</c>, <c>pattern:R</c>, <c>industry:SWnnnnnn</c> (member enterprise).
/// </summary>
public static class Rule
{
    public const string Template = "template";

    /// <summary>The kinds, strongest evidence first: a maker attached several ways is counted under the first.</summary>
    public static IReadOnlyList<string> Kinds => KindOrder;

    static readonly string[] KindOrder = ["template", "subtype", "keyword", "pattern", "industry"];

    public static string Subtype(string ancestor) => $"subtype:{ancestor}";

    public static string Keyword(string keyword) => $"keyword:{keyword}";

    public static string Pattern(string pattern) => $"pattern:{pattern}";

    public static string Industry(string industryId) => $"industry:{industryId}";

    /// <summary>The kind of a rule: <c>keyword</c> for <c>keyword:负极</c>.</summary>
    public static string KindOf(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var colon = rule.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? rule : rule[..colon];
    }

    internal static int Rank(string rule) => Array.IndexOf(KindOrder, KindOf(rule)) switch { < 0 => KindOrder.Length, var i => i };
}
