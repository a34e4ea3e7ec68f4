using System.Text.Json;
using System.Text.Json.Serialization;
using ChainGraph.Formats;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;

namespace ChainGraph.Cli;

/// <summary>Where the command writes: results to <see cref="Out"/>, progress and messages to <see cref="Error"/>.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when errors go to a terminal that can redraw a line, not to a file or pipe.</summary>
    public bool IsErrorTerminal => ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected;

    public void WriteJson<T>(T value, Language language = Language.Zh) => Out.WriteLine(JsonSerializer.Serialize(value, Json.Indented(language)));

    /// <summary>
    /// Reports a failure in <paramref name="language"/>: with <paramref name="json"/> as <c>{"error":{"code","message","field","value"}}</c>
    /// on stdout (with <c>errors</c> when there are several), else as <c>error: …</c> lines on stderr.
    /// </summary>
    public void WriteError(bool json, string code, IReadOnlyList<FieldError> errors, Language language, string? hint = null)
    {
        // A field's name leads an invalid value's message ("--top: must be ..."); other messages are whole sentences.
        string Sentence(FieldError e)
        {
            var message = e.Why.In(language);
            return code == ErrorCodes.InvalidRequest && e.Field.Length > 0 && !message.Contains(e.Field, StringComparison.Ordinal) ? $"{e.Field}: {message}" : message;
        }
        if (json)
        {
            var first = errors[0];
            WriteJson(new ErrorReply(new ErrorBody(code, string.Join(" ", errors.Select(Sentence)), NullIfEmpty(first.Field), first.Value, hint,
                errors.Count > 1 ? [.. errors.Select(e => new ErrorItem(NullIfEmpty(e.Field), e.Value, e.Why.In(language)))] : null)));
            return;
        }
        foreach (var e in errors) Error.WriteLine($"error: {Sentence(e)}");
        if (hint is not null) Error.WriteLine(hint);
    }

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Writes rows as a left-aligned text table, widths counted in display columns (CJK characters are two wide).</summary>
    public void WriteTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => DisplayWidth(r[i]))).ToArray();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell + new string(' ', widths[i] - DisplayWidth(cell)))).TrimEnd());
            if (index == 0) Out.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }

    /// <summary>The line that says a limit cut a list, or nothing when it did not; <paramref name="what"/> is "中文|English".</summary>
    public void WriteShown(int shown, long total, string what, string option, Language language)
    {
        if (total <= shown) return;
        Out.WriteLine(new Phrase("{0}：显示 {1:N0} / 共 {2:N0}（用 {3} 查看更多）", "showing {1:N0} of {2:N0} {0} (raise {3} to see more)",
            language.Say(what), shown, total, option).In(language));
    }

    static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text) width += c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60')) ? 2 : 1;
        return width;
    }
}

/// <summary>The <c>code</c> of a JSON error: what kind of failure it was.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string NotFound = "not_found";
    public const string InvalidInput = "invalid_input";
    public const string StoreUnavailable = "store_unavailable";
    public const string Failure = "failure";
}

sealed record ErrorReply(ErrorBody Error);

sealed record ErrorBody(string Code, string Message, string? Field, string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorItem>? Errors);

sealed record ErrorItem(string? Field, string? Value, string Message);
