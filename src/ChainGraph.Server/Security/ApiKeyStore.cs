using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainGraph.Model.Requests;

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
/// API keys in a JSON file (hashed, owner-only), shared by <c>chaingraph keys</c> and the running service,
/// which rereads the file when it changes so keys added or revoked while serving take effect. Every change
/// rereads the file under a lock held across processes and replaces it whole, so two writers never undo each other.
/// </summary>
public sealed partial class ApiKeyStore(string path)
{
    const string Prefix = "cg_";
    readonly Lock gate = new();
    IReadOnlyList<ApiKey> cached = [];
    FileStamp? cachedStamp;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Why the file could not be read the last time it changed while an earlier key set is kept; null once it reads again.</summary>
    public InvalidDataException? ReadError { get; private set; }

    /// <summary>Every key, as last read. A file that turns unreadable after a good read keeps the good keys (see <see cref="ReadError"/>).</summary>
    /// <exception cref="InvalidDataException">The file has never been read and cannot be: not JSON, or a key without its fields.</exception>
    public IReadOnlyList<ApiKey> List()
    {
        lock (gate)
        {
            var stamp = FileStamp.Of(Path);
            if (stamp == cachedStamp) return cached;
            try
            {
                cached = Read();
                ReadError = null;
            }
            catch (InvalidDataException e) when (cachedStamp is not null)
            {
                ReadError = e;
            }
            cachedStamp = stamp;
            return cached;
        }
    }

    /// <summary>True also while the file cannot be read: a damaged file never opens the service to everyone.</summary>
    public bool HasActiveKeys => List().Any(k => k.IsActive) || ReadError is not null;

    public bool IsActive(string id) => List().Any(k => k.IsActive && k.Id == id);

    /// <summary>Creates a key and returns it with its secret, which is shown once and stored only hashed.</summary>
    /// <exception cref="InvalidRequestException">The name is empty, too long or holds control characters, or the role is undefined.</exception>
    public (ApiKey Key, string Secret) Add(string? name, Role role)
    {
        CheckNew(name, role);
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        ApiKey? key = null;
        Change(keys =>
        {
            key = new ApiKey(NewId(keys), name!.Trim(), role, Hash(secret), DateTimeOffset.UtcNow);
            keys.Add(key);
            return true;
        });
        return (key!, secret);
    }

    public bool Revoke(string id) => Change(keys =>
    {
        var index = keys.FindIndex(k => k.Id == id && k.IsActive);
        if (index < 0) return false;
        keys[index] = keys[index] with { Revoked = DateTimeOffset.UtcNow };
        return true;
    });

    /// <summary>The active key matching a secret, compared in constant time.</summary>
    public ApiKey? Find(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Convert.FromHexString(Hash(secret));
        return List().FirstOrDefault(k => k.IsActive && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(k.Sha256), hash));
    }

    static void CheckNew(string? name, Role role) => new ParameterCheck()
        .That(IsPrintableName(name), "name", name, $"must be 1 to 100 printable characters, without control or text-direction characters. Got: {Quoted(name)}")
        .That(Enum.IsDefined(role), "role", ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"must be one of {string.Join(", ", Enum.GetNames<Role>())}. Got: {(int)role}")
        .ThrowIfInvalid();

    /// <summary>Names are shown in tables and logs, where control and bidirectional-override characters could disguise them.</summary>
    static bool IsPrintableName(string? name) =>
        name?.Trim() is { Length: >= 1 and <= 100 } trimmed
        && !trimmed.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    /// <summary>Escaped, so the refusal does not itself carry the characters it refuses to a terminal.</summary>
    static string Quoted(string? name) => JsonSerializer.Serialize(name is { Length: > 120 } ? name[..120] + "…" : name);

    /// <summary>Random, so a key's id (shown in lists and logs) tells nothing about its secret.</summary>
    static string NewId(List<ApiKey> keys)
    {
        string id;
        do id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        while (keys.Exists(k => k.Id == id));
        return id;
    }

    static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
