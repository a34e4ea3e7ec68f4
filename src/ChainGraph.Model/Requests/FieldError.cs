namespace ChainGraph.Model.Requests;

/// <summary>
/// One thing wrong with a request: the parameter (as the API names it), the value given and why it
/// cannot be used. <see cref="Message"/> leaves the parameter's name out, so the command line can
/// put its option name (<c>--weak-below</c>) where the API puts its own (<c>weakBelow</c>).
/// </summary>
public sealed record FieldError(string Field, string? Value, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
