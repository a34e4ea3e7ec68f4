using System.Globalization;
using System.Security.Claims;
using ChainGraph.Server.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Security;

/// <summary>The authorisation policies: reads need a reader key, writes an editor key, imports and key management an admin key.</summary>
public static class Policies
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";
}

/// <summary>Authentication by API key, the three role policies (REST and hub), and rate limits per key and per client address.</summary>
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
        services.AddSingleton(_ => new RateLimits(security.RequestsPerMinute));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthenticationThrottle>();
        services.AddSingleton<HubKeyGuard>().AddSingleton<HubAccessFilter>().AddHostedService<RevokedKeyWatcher>();
        services.Configure<HubOptions>(hub => hub.AddFilter<HubAccessFilter>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimits>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = limits.ForRequests(http => mode.Open ? RateLimits.OpenMode : Partition(http));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RateLimits.RetryAfterSeconds(context.Lease).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>A key's requests share one budget; unauthenticated ones share one per client address.</summary>
    static string Partition(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } key
        ? RateLimits.ForKey(key)
        : RateLimits.ForAddress(http.Connection.RemoteIpAddress);
}
