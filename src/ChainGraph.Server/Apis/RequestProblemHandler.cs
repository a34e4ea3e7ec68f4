using ChainGraph.Model.Requests;
using ChainGraph.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace ChainGraph.Server.Apis;

/// <summary>
/// The failures a request can cause or a store outage explains, as Problem Details: a parameter that
/// is invalid or names something the graph does not hold is a 400 with an <c>errors</c> map, unless
/// it is the path's own (<c>/api/enterprises/{id}/profile</c>), which is a 404; a store that is down
/// is a 503 with Retry-After. Handled here, they are not logged as server errors;
/// anything else falls through to the 500 of <see cref="ServerHost"/>, which is.
/// </summary>
internal sealed class RequestProblemHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var language = Problems.LanguageOf(httpContext);
        IResult? problem = exception switch
        {
            InvalidRequestException invalid => Problems.Invalid(invalid.Errors, language),
            // The handler runs with the request's route values cleared; the feature keeps them.
            NotFoundException missing when httpContext.Features.Get<IExceptionHandlerFeature>()?.RouteValues?.ContainsKey(missing.Field) == true
                => Problems.NotFound(missing.In(language)),
            NotFoundException missing => Problems.Invalid([new FieldError(missing.Field, missing.Value, missing.Why)], language),
            GraphStoreException { IsTransient: true } => Results.Problem(exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The graph store is unavailable"),
            IOException io when IsDiskFull(io) => Results.Problem("The disk the service writes to is full; nothing was written. Free some space and try again.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The disk is full"),
            // Kestrel's own: a body past its limit (413), one that arrives too slowly (408), a malformed request (400).
            BadHttpRequestException bad => Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "Bad request body"),
            _ => null,
        };
        if (problem is null) return false;
        if (problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable }) httpContext.Response.Headers.RetryAfter = "5";
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>ENOSPC on Unix; ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    static bool IsDiskFull(IOException e) => e.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}
