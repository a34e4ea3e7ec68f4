using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainGraph.Model.Text;

/// <summary>
/// Why an analysis ranked something as it did: clauses said in either language, joined by "；" in
/// Chinese and "; " in English. In JSON it is the text in the language the serialiser was made for
/// (<see cref="ReasonJsonConverter"/>).
/// </summary>
public sealed class Reason : IEquatable<Reason>
{
    public Reason(IEnumerable<Phrase> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        Clauses = [.. clauses];
    }

    public Reason(params Phrase[] clauses) : this((IEnumerable<Phrase>)clauses)
    {
    }

    public static Reason None { get; } = new();

    public IReadOnlyList<Phrase> Clauses { get; }

    public bool IsEmpty => Clauses.Count == 0;

    public string In(Language language) => string.Join(language == Language.En ? "; " : "；", Clauses.Select(c => c.In(language)));

    public override string ToString() => In(Language.Zh);

    public bool Equals(Reason? other) => other is not null && Clauses.SequenceEqual(other.Clauses);

    public override bool Equals(object? obj) => Equals(obj as Reason);

    public override int GetHashCode() => In(Language.En).GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// Writes a <see cref="Reason"/> or <see cref="Phrase"/> as its text in one language; read back (a client of the
/// API), the text is the phrase in both languages.
/// </summary>
public sealed class ReasonJsonConverter(Language language) : JsonConverterFactory
{
    public Language Language { get; } = language;

    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(Reason) || typeToConvert == typeof(Phrase);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(Reason)
            ? new Text<Reason>(r => r.In(Language), text => new Reason(Phrase.Verbatim(text)))
            : new Text<Phrase>(p => p.In(Language), Phrase.Verbatim);

    sealed class Text<T>(Func<T, string> say, Func<string, T> read) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(say(value));
    }
}
