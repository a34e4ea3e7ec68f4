using ChainGraph.Model.Requests;
using ChainGraph.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace ChainGraph.Server.Apis;

/// <summary>
/// The failures a request can cause or a store outage explains, as Problem Details: a parameter that
/// is invalid or names something the graph does not hold is a 400 with an <c>errors</c> map; a store
/// that is down is a 503 with Retry-After. Handled here, they are not logged as server errors;
/// anything else falls through to the 500 of <see cref="ServerHost"/>, which is.
/// </summary>
internal sealed class RequestProblemHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? problem = exception switch
        {
            InvalidRequestException invalid => Problems.Invalid(invalid.Errors),
            NotFoundException missing => Problems.Invalid([new FieldError(missing.Field, missing.Value, missing.Message)]),
            GraphStoreException { IsTransient: true } => Results.Problem(exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The graph store is unavailable"),
            _ => null,
        };
        if (problem is null) return false;
        if (exception is GraphStoreException) httpContext.Response.Headers.RetryAfter = "5";
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
