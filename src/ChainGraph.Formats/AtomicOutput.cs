namespace ChainGraph.Formats;

/// <summary>
/// Writes an export to a temporary name beside its target and moves it into place only once it is
/// complete, so a failure or cancellation leaves no partial output and keeps an earlier export intact.
/// </summary>
public static class AtomicOutput
{
    /// <summary>Writes a file through <paramref name="write"/>, then renames it over <paramref name="path"/>.</summary>
    public static async Task<T> WriteFileAsync<T>(string path, Func<Stream, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPathBeside(path);
        try
        {
            T result;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                result = await write(stream);
                await stream.FlushAsync(cancellationToken);
                // On disk before the rename, so a crash cannot leave an empty file under the target's name.
                stream.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, path, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <inheritdoc cref="WriteFileAsync{T}"/>
    public static Task WriteFileAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteFileAsync(path, async stream =>
        {
            await write(stream);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Writes a folder of files through <paramref name="write"/> (given the folder to fill), then moves
    /// it to <paramref name="path"/>, replacing any folder there whole: the caller checks that such a
    /// folder holds nothing but an earlier export.
    /// </summary>
    public static async Task<T> WriteFolderAsync<T>(string path, Func<string, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPathBeside(path);
        try
        {
            Directory.CreateDirectory(temp);
            var result = await write(temp);
            cancellationToken.ThrowIfCancellationRequested();
            Replace(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)), temp);
            return result;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    // Folders cannot be renamed over one another: the old one moves aside, and back if the new one cannot move in.
    static void Replace(string path, string temp)
    {
        if (!Directory.Exists(path))
        {
            Directory.Move(temp, path);
            return;
        }
        var old = TempPathBeside(path);
        Directory.Move(path, old);
        try
        {
            Directory.Move(temp, path);
        }
        catch
        {
            Directory.Move(old, path);
            throw;
        }
        Directory.Delete(old, recursive: true);
    }

    /// <summary>A fresh hidden name in the target's folder (created if absent), so the final move is a rename on one file system.</summary>
    static string TempPathBeside(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Cannot write over a root folder. Got: '{path}'", nameof(path));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
