using ChainGraph.Model.Text;

namespace ChainGraph.Model.Requests;

/// <summary>
/// The request cannot be answered as asked: every problem found, together. The command line
/// exits 2 with it; the service answers 400 with an <c>errors</c> map, in the reader's language.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", errors))
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        Errors = errors;
    }

    public InvalidRequestException(string field, string? value, string why) : this([new FieldError(field, value, why)])
    {
    }

    public InvalidRequestException(string field, string? value, Phrase why) : this([new FieldError(field, value, why)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }

    public string In(Language language) => string.Join(" ", Errors.Select(e => e.In(language)));
}
