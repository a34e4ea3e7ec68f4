using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChainGraph.Model.Chains;

/// <summary>
/// How a template segment attaches the data's makers (挂链): products whose name holds a keyword
/// or matches a pattern, the SUBTYPE_OF descendants of the segment's own products, and the member
/// enterprises of SW industries; a product whose name holds an exclusion is never attached by
/// name or subtype. Stored on the Segment as the JSON string property <c>match</c>; on a Chain the
/// same shape names only <see cref="Industries"/>, the SW industries the template covers.
/// </summary>
/// <param name="Keywords">Substrings of a product name (ordinal). <value>none</value></param>
/// <param name="Patterns">.NET regular expressions over a product name. <value>none</value></param>
/// <param name="Subtypes">Whether SUBTYPE_OF descendants of the segment's products belong to it. <value>true</value></param>
/// <param name="Industries">SW codes (<c>630701</c>) or Industry ids (<c>SW630701</c>); their members, and those of sub-industries, attach as makers. <value>none</value></param>
/// <param name="Exclude">Substrings that keep a product out whatever else matched. <value>none</value></param>
public sealed record SegmentMatch(
    IReadOnlyList<string>? Keywords = null,
    IReadOnlyList<string>? Patterns = null,
    bool Subtypes = true,
    IReadOnlyList<string>? Industries = null,
    IReadOnlyList<string>? Exclude = null)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The rules a Segment without a <c>match</c> property has: its own products and their subtypes.</summary>
    public static SegmentMatch None { get; } = new();

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The rules of a <c>match</c> property; null or empty text gives <see cref="None"/>.</summary>
    /// <exception cref="JsonException">The text is not a match object.</exception>
    public static SegmentMatch Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? None : JsonSerializer.Deserialize<SegmentMatch>(json, Options) ?? None;

    /// <summary>Every problem with the rules, as field and message: blank words, patterns that do not compile.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (field, words) in new[] { ("keywords", Keywords), ("industries", Industries), ("exclude", Exclude) })
            if (words?.Any(string.IsNullOrWhiteSpace) == true) yield return (field, "holds an empty entry");
        foreach (var pattern in Patterns ?? [])
            if (Compile(pattern) is null) yield return ("patterns", $"not a regular expression. Got: {pattern}");
    }

    /// <summary>
    /// The pattern compiled without backtracking, so it runs in time linear in the name whatever it
    /// says (a hostile pattern cannot stall a snapshot, and no timeout can trip on a busy machine);
    /// null when it does not compile, or needs backtracking (lookarounds, backreferences).
    /// </summary>
    public static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
