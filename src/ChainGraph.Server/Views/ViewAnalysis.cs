using System.Text.Json;
using System.Text.Json.Serialization;
using ChainGraph.Model.Text;

namespace ChainGraph.Server.Views;

/// <summary>
/// The analysis a view carries: which one (gaps, chokepoints, compare, rank, profile, alternatives, centrality) and its
/// report, the very JSON the REST endpoint answers for the same parameters, in Chinese; the view keeps the English
/// report beside it and each member gets the one in its language (<see cref="In"/>).
/// </summary>
public sealed record ViewAnalysis(string Kind, RawJson Report)
{
    [JsonIgnore]
    public RawJson? English { get; init; }

    public ViewAnalysis In(Language language) => language == Language.En && English is { } english ? this with { Report = english, English = null } : this;
}

/// <summary>
/// JSON serialised once and written as it is: every view showing the same answer shares the bytes the query layer
/// cached, rather than a parsed copy each.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class RawJson(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public bool SameAs(RawJson other) => other is not null && Utf8.Span.SequenceEqual(other.Utf8.Span);

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);

    sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.SerializeToUtf8Bytes(JsonElement.ParseValue(ref reader)));

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
