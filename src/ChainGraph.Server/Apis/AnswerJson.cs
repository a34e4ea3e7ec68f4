using System.Text.Json;
using ChainGraph.Model.Text;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChainGraph.Server.Apis;

/// <summary>
/// The JSON settings of an answer in the reader's language (lang=zh, the default, or lang=en): the API's own
/// settings, with reasons written in that language. Two instances for the service's life, so the cache of
/// serialised answers keys on them.
/// </summary>
public sealed class AnswerJson
{
    readonly JsonSerializerOptions chinese;
    readonly JsonSerializerOptions english;

    public AnswerJson(IOptions<JsonOptions> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        chinese = json.Value.SerializerOptions;
        english = new JsonSerializerOptions(chinese);
        english.Converters.Remove(english.Converters.OfType<ReasonJsonConverter>().Single());
        english.Converters.Add(new ReasonJsonConverter(Language.En));
    }

    public JsonSerializerOptions For(Language language) => language == Language.En ? english : chinese;
}
