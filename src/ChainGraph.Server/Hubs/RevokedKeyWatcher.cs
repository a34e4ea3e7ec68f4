using ChainGraph.Server.Security;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// Closes a revoked key's hub connections as soon as the key file changes (revoked here or by the command line),
/// and every <see cref="Sweep"/> by <paramref name="timeProvider"/> (the system clock by default) in case a change
/// notification was lost; warns when the file turns unreadable.
/// </summary>
public sealed class RevokedKeyWatcher(ApiKeyStore keys, HubKeyGuard guard, ILogger<RevokedKeyWatcher> log, TimeProvider? timeProvider = null)
    : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(5);
    readonly Lock gate = new();
    string? reportedError;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = Watch();
        using var timer = new PeriodicTimer(Sweep, timeProvider ?? TimeProvider.System);
        do CloseRevoked();
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    FileSystemWatcher? Watch()
    {
        try
        {
            var folder = Path.GetDirectoryName(keys.Path)!;
            Directory.CreateDirectory(folder);
            // The folder, not the file: a change replaces the file by renaming another over it.
            var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.LogWarning("Cannot watch {Keys} ({Error}); revoked keys' hub connections close within {Seconds} s.", keys.Path, e.Message, Sweep.TotalSeconds);
            return null;
        }
    }

    void OnChanged(object sender, FileSystemEventArgs change)
    {
        if (string.Equals(change.FullPath, keys.Path, StringComparison.Ordinal)) CloseRevoked();
    }

    void CloseRevoked()
    {
        lock (gate)
        {
            var closed = guard.CloseRevoked();
            if (closed > 0) log.LogInformation("Closed {Count} hub connections whose API key is no longer active.", closed);
            var error = keys.ReadError?.Message;
            if (error is not null && error != reportedError) log.LogWarning("{Error} Serving with the keys read before it.", error);
            reportedError = error;
        }
    }
}
