using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChainGraph.Server.Security;

/// <summary>The roles a key can hold, each including the ones before it.</summary>
public enum Role
{
    Reader,
    Editor,
    Admin,
}

/// <summary>A stored key: never the key itself, only its SHA-256 (keys are 192 random bits, so a fast hash is enough).</summary>
public sealed record ApiKey(string Id, string Name, Role Role, string Sha256, DateTimeOffset Created, DateTimeOffset? Revoked = null)
{
    public bool IsActive => Revoked is null;
}

/// <summary>
/// API keys in a JSON file (hashed), shared by <c>chaingraph keys</c> and the running service,
/// which rereads the file when it changes so keys added or revoked while serving take effect.
/// </summary>
public sealed class ApiKeyStore(string path)
{
    const string Prefix = "cg_";
    static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    readonly Lock gate = new();
    IReadOnlyList<ApiKey> cached = [];
    DateTime cachedStamp = DateTime.MinValue;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public IReadOnlyList<ApiKey> List()
    {
        lock (gate)
        {
            var stamp = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : DateTime.MinValue;
            if (stamp != cachedStamp)
            {
                cached = stamp == DateTime.MinValue ? [] : JsonSerializer.Deserialize<List<ApiKey>>(File.ReadAllText(Path), FileJson) ?? [];
                cachedStamp = stamp;
            }
            return cached;
        }
    }

    public bool HasActiveKeys => List().Any(k => k.IsActive);

    /// <summary>Creates a key and returns it with its secret, which is shown once and stored only hashed.</summary>
    public (ApiKey Key, string Secret) Add(string name, Role role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var key = new ApiKey(secret[Prefix.Length..(Prefix.Length + 8)], name, role, Hash(secret), DateTimeOffset.UtcNow);
        Save([.. List(), key]);
        return (key, secret);
    }

    public bool Revoke(string id)
    {
        var keys = List().ToList();
        var index = keys.FindIndex(k => k.Id == id && k.IsActive);
        if (index < 0) return false;
        keys[index] = keys[index] with { Revoked = DateTimeOffset.UtcNow };
        Save(keys);
        return true;
    }

    /// <summary>The active key matching a secret, compared in constant time.</summary>
    public ApiKey? Find(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Convert.FromHexString(Hash(secret));
        return List().FirstOrDefault(k => k.IsActive && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(k.Sha256), hash));
    }

    void Save(IReadOnlyList<ApiKey> keys)
    {
        lock (gate)
        {
            if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(keys, FileJson));
            File.Move(temporary, Path, overwrite: true);
            cachedStamp = DateTime.MinValue;
        }
    }

    static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
