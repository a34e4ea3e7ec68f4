using System.Text.Encodings.Web;
using System.Text.Json;
using ChainGraph.Model.Text;

namespace ChainGraph.Formats;

/// <summary>JSON settings shared by every writer: camelCase, Chinese text written as itself (not \u escapes), reasons in Chinese.</summary>
public static class Json
{
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = Encoder, Converters = { new ReasonJsonConverter(Language.Zh) } };

    static readonly JsonSerializerOptions IndentedChinese = new(Options) { WriteIndented = true };

    static readonly JsonSerializerOptions IndentedEnglish = new(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder, WriteIndented = true, Converters = { new ReasonJsonConverter(Language.En) },
    };

    /// <summary>For people reading it: indented, reasons in <paramref name="language"/>.</summary>
    public static JsonSerializerOptions Indented(Language language = Language.Zh) => language == Language.En ? IndentedEnglish : IndentedChinese;
}
