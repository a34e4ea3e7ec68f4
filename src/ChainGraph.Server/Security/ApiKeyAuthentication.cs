using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChainGraph.Server.Security;

/// <summary>
/// Authenticates a request by its API key: <c>Authorization: Bearer KEY</c>, <c>X-Api-Key: KEY</c>,
/// or (for the SignalR hub, whose browser WebSocket cannot send headers) <c>access_token=KEY</c>.
/// With no active key on a loopback service every caller is the single local user, with every role.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore keys, AccessMode mode) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (mode.Open) return Task.FromResult(Success("local", "local", Role.Admin));
        var secret = Secret(Request);
        if (secret is null) return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(keys.Find(secret) is { } key
            ? Success(key.Id, key.Name, key.Role)
            : AuthenticateResult.Fail("Unknown or revoked API key."));
    }

    static string? Secret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Headers.TryGetValue("X-Api-Key", out var apiKey)) return apiKey.ToString();
        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token) ? token.ToString() : null;
    }

    AuthenticateResult Success(string id, string name, Role role)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name) };
        claims.AddRange(Enum.GetValues<Role>().Where(r => r <= role).Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Name)), Name));
    }
}
