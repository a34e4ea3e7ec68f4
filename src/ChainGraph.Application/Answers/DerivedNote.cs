using System.Text.Json;
using System.Text.Json.Nodes;
using ChainGraph.Analysis.Chains;

namespace ChainGraph.Application.Answers;

/// <summary>
/// Adds to an analysis report, as its <c>derived</c> field, how the chain it is about was derived
/// when no template covers it, so a derived chain never passes for a curated one.
/// </summary>
public static class DerivedNote
{
    public static JsonNode Add<T>(T report, DerivedChain? derived, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(report, options) ?? throw new ArgumentException("The report serialises to null.", nameof(report));
        if (derived is not null && node is JsonObject fields) fields["derived"] = JsonSerializer.SerializeToNode(derived, options);
        return node;
    }
}
