using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainGraph.Server.Security;

/// <summary>The key file itself: read strictly, changed under a lock file, replaced atomically, owner-only on Unix.</summary>
public sealed partial class ApiKeyStore
{
    static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
    static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Rereads the file under the lock, so a change made meanwhile by another process (or store) is kept, then replaces it.</summary>
    bool Change(Func<List<ApiKey>, bool> change)
    {
        using (OpenLock())
        {
            var keys = Read();
            if (!change(keys)) return false;
            Replace(keys);
            lock (gate) (cached, cachedStamp, ReadError) = (keys, FileStamp.Of(Path), null);
        }
        return true;
    }

    FileStream OpenLock()
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        var lockPath = Path + ".lock";
        var waited = Stopwatch.StartNew();
        for (var pause = 5; ; pause = Math.Min(pause * 2, 100))
        {
            try
            {
                return new FileStream(lockPath, OwnerOnly(FileMode.OpenOrCreate, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(pause);
            }
            catch (IOException e)
            {
                throw new IOException($"The API key file {Path} is being changed by another process: {lockPath} stayed locked for {LockTimeout.TotalSeconds:0} s. Try again.", e);
            }
        }
    }

    /// <summary>Written beside the file and renamed over it, so a reader sees the old file or the new one, never half of one.</summary>
    void Replace(List<ApiKey> keys)
    {
        var temporary = $"{Path}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp";
        try
        {
            using (var file = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileShare.None)))
            {
                JsonSerializer.Serialize(file, keys, FileJson);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The mode is set as the file is created, before a hash is written to it.</summary>
    static FileStreamOptions OwnerOnly(FileMode mode, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    List<ApiKey> Read()
    {
        string text;
        try
        {
            if (!File.Exists(Path)) return [];
            text = File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{Path}: cannot read the API key file: {e.Message}", e);
        }
        List<ApiKey>? keys;
        try
        {
            keys = JsonSerializer.Deserialize<List<ApiKey>>(text, FileJson);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } number ? $" line {number + 1}" : "";
            throw new InvalidDataException($"{Path}{line}: the API key file is not valid JSON ({e.Message}). Restore it from a backup, or remove it and add keys again.", e);
        }
        var bad = keys?.FindIndex(k => k is null || string.IsNullOrEmpty(k.Id) || k.Name is null || !Enum.IsDefined(k.Role)
            || k.Sha256 is not { Length: 64 } || !k.Sha256.All(char.IsAsciiHexDigit));
        if (keys is null || bad >= 0)
            throw new InvalidDataException($"{Path}: the API key file must be a list of keys, each with an id, name, role and sha256; {(keys is null ? "it is null" : $"key {bad + 1} is not")}.");
        return keys;
    }

    readonly record struct FileStamp(DateTime WrittenUtc, long Length)
    {
        /// <summary>Time and length: a change within one timestamp tick still changes the length (a key added, a revocation date).</summary>
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new(file.LastWriteTimeUtc, file.Length) : default;
        }
    }
}
