using System.Security.Cryptography;

namespace ChainGraph.Server.Security;

/// <summary>
/// Whether the service runs open: it listens on loopback only and no key is active. Asked on every
/// request, so the first key added (by <c>chaingraph keys add</c>) closes the open mode at once.
/// </summary>
public sealed class AccessMode(ApiKeyStore keys, bool loopbackOnly)
{
    /// <summary>The header that carries <see cref="WriteToken"/>.</summary>
    public const string TokenHeader = "X-ChainGraph-Token";

    /// <summary>The cookie that hands <see cref="WriteToken"/> to the service's own page.</summary>
    public const string TokenCookie = "chaingraph-token";

    public bool Open => loopbackOnly && !keys.HasActiveKeys;

    /// <summary>
    /// What an open-mode write must carry in <see cref="TokenHeader"/>: new at every start, given to the
    /// service's own page in a same-site cookie and printed by <c>serve</c>. Another website can neither
    /// read it nor send the header without a CORS preflight, which the service never grants.
    /// </summary>
    public string WriteToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
