using System.Globalization;
using ChainGraph.Model.Text;

namespace ChainGraph.Model.Requests;

/// <summary>
/// Collects every problem with a request's parameters, then throws them together: one
/// <see cref="InvalidRequestException"/> instead of failing on the first.
/// </summary>
public sealed class ParameterCheck
{
    readonly List<FieldError> errors = [];

    public ParameterCheck Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new FieldError(field, value, new Phrase("必须填写。", "is required.")));
        return this;
    }

    public ParameterCheck Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(new FieldError(field, Text(value), Between(Count(min), Count(max), Text(value))));
        return this;
    }

    public ParameterCheck Range(string field, int? value, int min, int max) => value is { } v ? Range(field, v, min, max) : this;

    /// <summary>A finite number in [min, max] (NaN and infinities are refused by name).</summary>
    public ParameterCheck Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value)) errors.Add(new FieldError(field, Text(value), new Phrase("应为有限的数，收到的是 {0}", "must be a finite number. Got: {0}", Text(value))));
        else if (value < min || value > max) errors.Add(new FieldError(field, Text(value), Between(Text(min), Text(max), Text(value))));
        return this;
    }

    /// <summary>A finite number above <paramref name="min"/> (exclusive) and at most <paramref name="max"/>.</summary>
    public ParameterCheck Above(string field, double value, double min, double max)
    {
        if (double.IsFinite(value) && value <= min) errors.Add(new FieldError(field, Text(value), new Phrase("应大于 {0}，收到的是 {1}", "must be greater than {0}. Got: {1}", Text(min), Text(value))));
        else Range(field, value, min, max);
        return this;
    }

    /// <summary>A rule of the caller's own, e.g. one parameter against another; <paramref name="message"/> leaves the field's name out.</summary>
    public ParameterCheck That(bool holds, string field, string? value, string message) => That(holds, field, value, Phrase.Verbatim(message));

    /// <inheritdoc cref="That(bool, string, string?, string)"/>
    public ParameterCheck That(bool holds, string field, string? value, Phrase message)
    {
        if (!holds) errors.Add(new FieldError(field, value, message));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new InvalidRequestException([.. errors]);
    }

    static Phrase Between(string min, string max, string value) => new("应在 {0} 到 {1} 之间，收到的是 {2}", "must be between {0} and {1}. Got: {2}", min, max, value);

    static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
