using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application;

/// <summary>
/// A question the graph answers, the same for the command line, REST and the hub: bind the
/// parameters into the query, <see cref="Validate"/> it, <see cref="Run"/> it on a snapshot, render
/// the result. A query is a record, so it compares by value and is its own cache key.
/// </summary>
public interface IQuery<out TResult> where TResult : class
{
    /// <summary>Every problem with the parameters, together, before any work starts.</summary>
    /// <exception cref="Model.Requests.InvalidRequestException">A parameter is missing, malformed or out of range.</exception>
    void Validate();

    /// <summary>The answer on <paramref name="snapshot"/>; long analyses stop when <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="Model.Requests.NotFoundException">A parameter names something the graph does not hold.</exception>
    TResult Run(GraphSnapshot snapshot, CancellationToken cancellationToken);
}
