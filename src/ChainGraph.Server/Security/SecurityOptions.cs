using System.Net;

namespace ChainGraph.Server.Security;

/// <summary>Who may do what, and how much.</summary>
/// <param name="KeysPath">The API key file (see <c>chaingraph keys</c>).</param>
/// <param name="RequestsPerMinute">Per key; anonymous open-mode use on loopback is not limited.</param>
/// <param name="MaxBodyBytes">Largest request body, except imports.</param>
/// <param name="MaxImportBytes">Largest import upload.</param>
public sealed record SecurityOptions(string KeysPath, int RequestsPerMinute = 1200, long MaxBodyBytes = 1 << 20, long MaxImportBytes = 256L << 20)
{
    /// <summary>Decides open mode: allowed only when every address is loopback; refused (with the reason) when keys are missing elsewhere.</summary>
    public AccessMode Decide(IEnumerable<string> urls, ApiKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.HasActiveKeys) return new AccessMode(false);
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException($"Refusing to serve {string.Join(", ", exposed)} without API keys: anyone could read and change the graph. " +
                $"Add one with `chaingraph keys add --name NAME --role admin` (file {keys.Path}), or listen on 127.0.0.1 only.");
        return new AccessMode(true);
    }

    static bool IsLoopback(string url)
    {
        var host = new Uri(url.Replace("*", "wildcard", StringComparison.Ordinal).Replace("+", "wildcard", StringComparison.Ordinal)).Host;
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
