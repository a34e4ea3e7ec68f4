using ChainGraph.Model.Requests;

namespace ChainGraph.Model.Text;

/// <summary>The language people read an answer in: Chinese first, English on request.</summary>
public enum Language
{
    Zh,
    En,
}

public static class Languages
{
    /// <summary>"zh" or "en" (any case); null or blank gives Chinese.</summary>
    /// <exception cref="InvalidRequestException">Any other value.</exception>
    public static Language Parse(string? value, string field = "lang") =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "zh" or "zh-cn" => Language.Zh,
            "en" => Language.En,
            _ => throw new InvalidRequestException(field, value, new Phrase("应为 zh 或 en，收到的是 {0}", "expected zh or en. Got: {0}", value)),
        };

    /// <summary>English for "en" (any case), else Chinese: for a language read where a bad value must not refuse anything (a page's address, the language an error is said in).</summary>
    public static Language ParseLeniently(string? value) => string.Equals(value?.Trim(), "en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Zh;

    public static string Code(this Language language) => language == Language.En ? "en" : "zh";

    /// <summary>A word or label given as "中文|English", in <paramref name="language"/>.</summary>
    public static string Say(this Language language, string both)
    {
        ArgumentNullException.ThrowIfNull(both);
        var bar = both.IndexOf('|', StringComparison.Ordinal);
        return language == Language.En ? both[(bar + 1)..] : both[..bar];
    }
}
