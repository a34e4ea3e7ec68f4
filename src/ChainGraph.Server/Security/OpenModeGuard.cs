using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChainGraph.Server.Security;

/// <summary>
/// Without keys the service cannot tell its user from a script on a website the user visits, so in
/// open mode it answers only what can come from this machine's own user: a connection to a loopback
/// address, a loopback Host (no DNS rebinding), no foreign Origin (no other website, also on the hub),
/// and, for writes, the per-start <see cref="AccessMode.WriteToken"/>.
/// </summary>
public static class OpenModeGuard
{
    public static IApplicationBuilder UseOpenModeGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var mode = http.RequestServices.GetRequiredService<AccessMode>();
        if (mode.Open && Refusal(http, mode) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    static IResult? Refusal(HttpContext http, AccessMode mode)
    {
        var request = http.Request;
        if (http.Connection.LocalIpAddress is { } local && !IPAddress.IsLoopback(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local))
            return Refuse(StatusCodes.Status403Forbidden, $"This service has no API keys and serves this machine only; {local} is not a loopback address.");
        if (!SecurityOptions.IsLoopbackHost(request.Host.Host))
            return Refuse(StatusCodes.Status421MisdirectedRequest,
                $"Host '{request.Host}' is not this machine: without API keys the service answers only to localhost, 127.0.0.1 or [::1].");
        if (request.Headers.Origin.Count > 0 && !string.Equals(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            return Refuse(StatusCodes.Status403Forbidden, $"Origin '{request.Headers.Origin}' is another website: without API keys the service answers only its own page.");
        // Hub calls are reads; the SignalR handshake POSTs are not writes; nor is the xlsx export, which only turns
        // the table its body holds into a file (the page's own origin was checked above).
        if (IsWrite(request.Method) && !request.Path.StartsWithSegments("/hubs") && !request.Path.Equals(new PathString("/api/export/xlsx"), StringComparison.OrdinalIgnoreCase) && !HasToken(request, mode))
            return Refuse(StatusCodes.Status403Forbidden,
                $"Writes to a service without API keys need the header {AccessMode.TokenHeader} with the token `chaingraph serve` printed at start (or use an API key).");
        return null;
    }

    static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    static bool HasToken(HttpRequest request, AccessMode mode) =>
        request.Headers.TryGetValue(AccessMode.TokenHeader, out var token)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.ToString()), Encoding.UTF8.GetBytes(mode.WriteToken));

    static IResult Refuse(int status, string detail) => Results.Problem(detail, statusCode: status, title: "Refused without API keys");
}
