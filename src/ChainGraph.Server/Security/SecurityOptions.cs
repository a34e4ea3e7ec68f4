using System.Net;

namespace ChainGraph.Server.Security;

/// <summary>Who may do what, and how much.</summary>
/// <param name="KeysPath">The API key file (see <c>chaingraph keys</c>).</param>
/// <param name="RequestsPerMinute">Per key; anonymous open-mode use on loopback is not limited.</param>
/// <param name="MaxBodyBytes">Largest request body, except imports.</param>
/// <param name="MaxImportBytes">Largest import upload.</param>
public sealed record SecurityOptions(string KeysPath, int RequestsPerMinute = 1200, long MaxBodyBytes = 1 << 20, long MaxImportBytes = 256L << 20)
{
    /// <summary>
    /// Decides the access mode from every address Kestrel will listen on: open (no keys) only when all
    /// of them are loopback; refused, with the reason, when keys are missing and one is not.
    /// </summary>
    public AccessMode Decide(IReadOnlyCollection<string> addresses, ApiKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(keys);
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0 && !keys.HasActiveKeys)
            throw new InvalidOperationException($"Refusing to serve {string.Join(", ", exposed)} without API keys: anyone could read and change the graph. " +
                $"Add one with `chaingraph keys add --name NAME --role admin` (file {keys.Path}), or listen on 127.0.0.1 only.");
        return new AccessMode(keys, loopbackOnly: exposed.Count == 0);
    }

    /// <summary>
    /// Every address the service will listen on, read the way Kestrel reads them: the given URLs, each
    /// endpoint under <c>Kestrel:Endpoints</c> (which Kestrel prefers to them), and the HTTP(S)_PORTS
    /// settings (every interface).
    /// </summary>
    public static IReadOnlyCollection<string> ListenAddresses(string urls, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var (setting, scheme) in new[] { ("HTTP_PORTS", "http"), ("HTTPS_PORTS", "https") })
            if (configuration[setting] is { Length: > 0 } ports)
                addresses.AddRange(ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}"));
        return addresses;
    }

    /// <summary>
    /// Whether Kestrel binds the address to loopback only. Kestrel takes the host between "://" and the
    /// last ':' literally (<see cref="BindingAddress"/>): "localhost" and loopback IPs are loopback, and
    /// any other host (a name, "*", "0.0.0.0@127.0.0.1") binds every interface.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }
        return binding.IsUnixPipe || binding.IsNamedPipe || IsLoopbackHost(binding.Host);
    }

    /// <summary>"localhost" or a loopback IP address (IPv6 in brackets or not).</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
