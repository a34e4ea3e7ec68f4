using System.Globalization;

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
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new FieldError(field, value, "is required."));
        return this;
    }

    public ParameterCheck Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(new FieldError(field, Text(value), $"must be between {min:N0} and {max:N0}. Got: {value}"));
        return this;
    }

    public ParameterCheck Range(string field, int? value, int min, int max) => value is { } v ? Range(field, v, min, max) : this;

    /// <summary>A finite number in [min, max] (NaN and infinities are refused by name).</summary>
    public ParameterCheck Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value)) errors.Add(new FieldError(field, Text(value), $"must be a finite number. Got: {Text(value)}"));
        else if (value < min || value > max) errors.Add(new FieldError(field, Text(value), $"must be between {Text(min)} and {Text(max)}. Got: {Text(value)}"));
        return this;
    }

    /// <summary>A finite number above <paramref name="min"/> (exclusive) and at most <paramref name="max"/>.</summary>
    public ParameterCheck Above(string field, double value, double min, double max)
    {
        if (double.IsFinite(value) && value <= min) errors.Add(new FieldError(field, Text(value), $"must be greater than {Text(min)}. Got: {Text(value)}"));
        else Range(field, value, min, max);
        return this;
    }

    /// <summary>A rule of the caller's own, e.g. one parameter against another; <paramref name="message"/> leaves the field's name out.</summary>
    public ParameterCheck That(bool holds, string field, string? value, string message)
    {
        if (!holds) errors.Add(new FieldError(field, value, message));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new InvalidRequestException([.. errors]);
    }

    static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
