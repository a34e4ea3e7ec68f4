namespace ChainGraph.Model.Requests;

/// <summary>
/// The request cannot be answered as asked: every problem found, together. The command line
/// exits 2 with it; the service answers 400 with an <c>errors</c> map.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", errors))
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        Errors = errors;
    }

    public InvalidRequestException(string field, string? value, string message) : this([new FieldError(field, value, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
