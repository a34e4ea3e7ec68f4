namespace ChainGraph.Server.Hubs;

/// <summary>The languages a page may read the hub in: its query string's <c>lang</c>, or <c>SetLanguage</c>; Chinese unless it asks.</summary>
public static class HubLanguage
{
    public const string Default = "zh";

    public static readonly IReadOnlyList<string> Supported = ["zh", "en"];

    /// <summary>The supported language <paramref name="lang"/> names (any case), or null.</summary>
    public static string? Parse(string? lang) => Supported.FirstOrDefault(l => string.Equals(l, lang?.Trim(), StringComparison.OrdinalIgnoreCase));
}
