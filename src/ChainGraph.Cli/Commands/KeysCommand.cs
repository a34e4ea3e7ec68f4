using System.CommandLine;
using ChainGraph.Model.Requests;
using ChainGraph.Server.Security;

namespace ChainGraph.Cli.Commands;

/// <summary><c>keys add|list|revoke</c>: the service's API keys, stored hashed in the key file.</summary>
public static class KeysCommand
{
    public static Option<string> File { get; } = new("--keys")
    {
        Description = "API key file (env CHAINGRAPH_KEYS).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CHAINGRAPH_KEYS") is { Length: > 0 } env ? env : Path.Combine("data", "keys.json"),
    };

    public static Command Create(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", Required = true };
        var role = new Option<Role>("--role") { Description = "Reader (reads), Editor (and writes) or Admin (and imports, keys).", Required = true };
        var add = new Command("add", "Create a key; it is shown once, then stored only as a hash.") { name, role, File, CommonOptions.Json };
        add.SetAction(result =>
        {
            var (key, secret) = new ApiKeyStore(result.GetValue(File)!).Add(result.GetValue(name), result.GetValue(role));
            if (result.GetValue(CommonOptions.Json))
            {
                console.WriteJson(new { key.Id, key.Name, role = key.Role.ToString(), key = secret });
                return ExitCodes.Ok;
            }
            console.Out.WriteLine(secret);
            console.Error.WriteLine($"Key {key.Id} ({key.Role}) for {key.Name}. Keep it now: it cannot be shown again. Send it as `Authorization: Bearer KEY`.");
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List keys (ids, names, roles; never the keys).") { File, CommonOptions.Json };
        list.SetAction(result =>
        {
            var keys = new ApiKeyStore(result.GetValue(File)!).List();
            if (result.GetValue(CommonOptions.Json)) console.WriteJson(keys.Select(k => new { k.Id, k.Name, role = k.Role.ToString(), k.Created, k.Revoked }));
            else console.WriteTable(["id", "name", "role", "created", "revoked"],
                keys.Select(k => new[] { k.Id, k.Name, k.Role.ToString(), k.Created.ToString("u"), k.Revoked?.ToString("u") ?? "" }));
            return ExitCodes.Ok;
        });
        var id = new Argument<string>("id") { Description = "The key's id (from keys list)." };
        var revoke = new Command("revoke", "Revoke a key at once, also for a running service.") { id, File, CommonOptions.Json };
        revoke.SetAction(result =>
        {
            var keyId = result.GetValue(id)!;
            if (!new ApiKeyStore(result.GetValue(File)!).Revoke(keyId)) throw new NotFoundException("id", keyId, $"No active key '{keyId}' (see `chaingraph keys list`).");
            if (result.GetValue(CommonOptions.Json)) console.WriteJson(new { id = keyId, revoked = true });
            else console.Out.WriteLine($"Revoked key {keyId}; a running service refuses it from its next request and closes its live connections.");
            return ExitCodes.Ok;
        });
        return new Command("keys", "Manage the service's API keys (roles: Reader, Editor, Admin).") { add, list, revoke };
    }
}
