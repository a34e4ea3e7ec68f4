using ChainGraph.Model.Text;

namespace ChainGraph.Model.Requests;

/// <summary>
/// One thing wrong with a request: the parameter (as the API names it), the value given and why it
/// cannot be used, in both languages. <see cref="Why"/> leaves the parameter's name out, so the command line can
/// put its option name (<c>--weak-below</c>) where the API puts its own (<c>weakBelow</c>).
/// </summary>
public sealed record FieldError(string Field, string? Value, Phrase Why)
{
    /// <summary>A reason worded once for both languages.</summary>
    public FieldError(string field, string? value, string why) : this(field, value, Phrase.Verbatim(why))
    {
    }

    /// <summary>The reason in English, as logs and exception messages carry it.</summary>
    public string Message => Why.In(Language.En);

    public string In(Language language) => $"{Field}: {Why.In(language)}";

    public override string ToString() => In(Language.En);
}
