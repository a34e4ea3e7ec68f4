using ChainGraph.Server.Security;

namespace ChainGraph.Server.Tests;

/// <summary>The server with API keys: one per role, a revoked one, and a low rate limit.</summary>
public sealed class SecuredServerFixture : ServerFixture
{
    public const int RequestsPerMinute = 30;
    readonly Lazy<SecurityOptions> security;

    public SecuredServerFixture() => security = new(() =>
    {
        var options = new SecurityOptions(Path.Combine(Folder, "secured-keys.json"), RequestsPerMinute);
        var keys = new ApiKeyStore(options.KeysPath);
        Reader = keys.Add("analyst", Role.Reader).Secret;
        Editor = keys.Add("editor", Role.Editor).Secret;
        Admin = keys.Add("admin", Role.Admin).Secret;
        Limited = keys.Add("busy", Role.Reader).Secret;
        var (revoked, secret) = keys.Add("former", Role.Admin);
        keys.Revoke(revoked.Id);
        Revoked = secret;
        return options;
    });

    public string Reader { get; private set; } = "";
    public string Editor { get; private set; } = "";
    public string Admin { get; private set; } = "";
    public string Limited { get; private set; } = "";
    public string Revoked { get; private set; } = "";

    public string KeysPath => security.Value.KeysPath;

    protected override SecurityOptions Security => security.Value;
}
