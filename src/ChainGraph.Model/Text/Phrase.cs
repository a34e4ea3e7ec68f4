using System.Globalization;

namespace ChainGraph.Model.Text;

/// <summary>
/// A sentence said in both languages where it is made, so no wording is translated after the fact:
/// two composite-format templates with the same holes, and the values for them. A value that is
/// itself a <see cref="Phrase"/> is said in the same language; numbers are written invariantly.
/// </summary>
public sealed class Phrase : IEquatable<Phrase>
{
    readonly string zh;
    readonly string en;
    readonly object?[] values;

    public Phrase(string zh, string en, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(zh);
        ArgumentNullException.ThrowIfNull(en);
        (this.zh, this.en, this.values) = (zh, en, values ?? []);
    }

    /// <summary>Up to <paramref name="shown"/> names joined by 、, and how many more there are ("等 5 家" / "and 5 more").</summary>
    /// <param name="unit">The Chinese measure word for what is counted: 家 for enterprises, 种 for products.</param>
    public static Phrase Names(IReadOnlyCollection<string> names, int shown = 3, string unit = "家")
    {
        ArgumentNullException.ThrowIfNull(names);
        var listed = string.Join("、", names.Take(shown));
        var more = names.Count - shown;
        return more <= 0 ? Verbatim(listed) : new Phrase("{0}等（另 {1} " + unit + "）", "{0} and {1} more", listed, more);
    }

    /// <summary>Phrases in a row, joined by "，" in Chinese and ", " in English.</summary>
    public static Phrase Join(IReadOnlyList<Phrase> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var holes = Enumerable.Range(0, parts.Count).Select(i => $"{{{i}}}").ToList();
        return new Phrase(string.Join("，", holes), string.Join(", ", holes), [.. parts]);
    }

    /// <summary>Text that is the same in both languages: a name, or a reason read back from JSON.</summary>
    public static Phrase Verbatim(string text) => new("{0}", "{0}", text);

    public string In(Language language) => string.Format(new Say(language), language == Language.En ? en : zh, values);

    public override string ToString() => In(Language.Zh);

    public bool Equals(Phrase? other) => other is not null && In(Language.En) == other.In(Language.En) && In(Language.Zh) == other.In(Language.Zh);

    public override bool Equals(object? obj) => Equals(obj as Phrase);

    public override int GetHashCode() => In(Language.En).GetHashCode(StringComparison.Ordinal);

    /// <summary>Fills the holes: a phrase in the language being said, anything else as the invariant culture writes it.</summary>
    sealed class Say(Language language) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
        {
            Phrase phrase => phrase.In(language),
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => arg?.ToString() ?? "",
        };
    }
}
