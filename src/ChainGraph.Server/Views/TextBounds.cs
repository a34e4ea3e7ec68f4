using ChainGraph.Model.Requests;

namespace ChainGraph.Server.Views;

/// <summary>The length rule every text parameter of the hub and the saved views shares.</summary>
internal static class TextBounds
{
    public static ParameterCheck Bounded(this ParameterCheck check, string field, string? value, int max = ViewRequest.MaxText) =>
        check.That(value is null || value.Length <= max, field, value?[..Math.Min(value.Length, 40)] + "…",
            $"must be at most {max:N0} characters. Got: {value?.Length:N0}");
}
