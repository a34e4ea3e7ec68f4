namespace ChainGraph.Model.Requests;

/// <summary>
/// A request names something the graph does not hold (a node, chain, region or group). The
/// command line exits 2 with it; the service answers 404.
/// </summary>
public sealed class NotFoundException(string field, string value, string message) : Exception(message)
{
    /// <summary>The parameter that named it, as the API calls it.</summary>
    public string Field { get; } = field;

    public string Value { get; } = value;
}
