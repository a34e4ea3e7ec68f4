using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChainGraph.Formats;

/// <summary>JSON settings shared by every writer: camelCase, and Chinese text written as itself, not \u escapes.</summary>
public static class Json
{
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = Encoder };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
