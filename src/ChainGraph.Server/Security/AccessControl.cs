using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;

namespace ChainGraph.Server.Security;

/// <summary>The authorisation policies: reads need a reader key, writes an editor key, imports and key management an admin key.</summary>
public static class Policies
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";
}

/// <summary>Authentication by API key, the three role policies, and per-key rate limiting.</summary>
public static class AccessControl
{
    public static IServiceCollection AddAccessControl(this IServiceCollection services, SecurityOptions security, AccessMode mode)
    {
        services.AddAuthentication(ApiKeyAuthentication.Name)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.Name, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reader, p => p.RequireRole(nameof(Role.Reader)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(nameof(Role.Editor)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(Role.Admin)));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => mode.Open
                ? RateLimitPartition.GetNoLimiter("open")
                : RateLimitPartition.GetFixedWindowLimiter(Partition(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            limiter.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>A key's requests share one budget; unauthenticated ones share one per client address.</summary>
    static string Partition(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } key ? "key:" + key : "ip:" + http.Connection.RemoteIpAddress;
}
