using ChainGraph.Server.Security;

namespace ChainGraph.Server.Tests;

/// <summary>The server with one admin key and a low rate limit; tests add and revoke keys of their own, each with its own budget.</summary>
public sealed class KeyedServerFixture : ServerFixture
{
    public const int RequestsPerMinute = 15;
    readonly Lazy<SecurityOptions> security;

    public KeyedServerFixture() => security = new(() =>
    {
        var options = new SecurityOptions(Path.Combine(Folder, "keyed.json"), RequestsPerMinute);
        Admin = new ApiKeyStore(options.KeysPath).Add("admin", Role.Admin).Secret;
        return options;
    });

    public string Admin { get; private set; } = "";

    public string KeysPath => security.Value.KeysPath;

    /// <summary>A fresh key, added as the command line adds one: by another store on the service's key file.</summary>
    public (string Id, string Secret) NewKey(Role role = Role.Reader)
    {
        var (key, secret) = new ApiKeyStore(KeysPath).Add("test", role);
        return (key.Id, secret);
    }

    protected override SecurityOptions Security => security.Value;
}
