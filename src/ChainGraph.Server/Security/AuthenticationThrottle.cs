using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ChainGraph.Server.Security;

/// <summary>
/// Throttles callers without a valid key per client address, where authorisation would answer 401 (so it needs no
/// place of its own in the pipeline): no key draws on the address's anonymous budget, a wrong key on its smaller
/// failure budget. While that one is spent the address gets 429 even with a right key, or a guesser would still
/// learn which guess was right.
/// </summary>
public sealed class AuthenticationThrottle(RateLimits limits, AccessMode mode) : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!mode.Open && await BudgetAsync(context, authorizeResult) is var (partition, permits))
        {
            using var lease = limits.Acquire(partition, permits);
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, lease);
                return;
            }
        }
        await answer.HandleAsync(next, context, policy, authorizeResult);
    }

    static async Task<(string Partition, int Permits)?> BudgetAsync(HttpContext context, PolicyAuthorizationResult authorizeResult)
    {
        // The handler's result of this request, not a second check of the key.
        var authentication = await context.AuthenticateAsync();
        var address = context.Connection.RemoteIpAddress;
        if (authentication.Failure is not null) return (RateLimits.ForFailures(address), 1);
        if (authentication.Succeeded) return (RateLimits.ForFailures(address), 0);
        return authorizeResult.Challenged ? (RateLimits.ForAddress(address), 1) : null;
    }

    static Task RefuseAsync(HttpContext context, System.Threading.RateLimiting.RateLimitLease lease)
    {
        var seconds = RateLimits.RetryAfterSeconds(lease);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many requests without a valid API key from this address; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context);
    }
}
