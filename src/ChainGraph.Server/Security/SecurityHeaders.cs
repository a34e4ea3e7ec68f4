using System.Text.RegularExpressions;

namespace ChainGraph.Server.Security;

/// <summary>The response headers that keep the page to itself.</summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// A Content-Security-Policy that lets the page load only its own script and styles and talk only
    /// to its own origin (and its hub's WebSocket on the same host); no framing, no sniffing.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        var socket = SafeHost().IsMatch(http.Request.Host.Value ?? "") ? $" {(http.Request.IsHttps ? "wss" : "ws")}://{http.Request.Host}" : "";
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'{socket}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next(http);
    });

    /// <summary>A host and port that can go into the policy as they are.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]+)?$|^\[[0-9A-Fa-f:.]+\](:[0-9]+)?$")]
    private static partial Regex SafeHost();
}
