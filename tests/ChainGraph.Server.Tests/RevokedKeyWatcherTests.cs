using ChainGraph.Server.Hubs;
using ChainGraph.Server.Security;
using ChainGraph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>The watcher's sweep closes a revoked key's connections that no change notification reported, on its own clock.</summary>
public sealed class RevokedKeyWatcherTests
{
    [Fact]
    public async Task RevokedKeyConnection_NoNotificationReported_IsClosedAtTheNextSweep_NotBefore()
    {
        using var folder = new TempDirectory();
        var keys = new ApiKeyStore(folder.File("keys.json"));
        var key = keys.Add("doomed", Role.Reader).Key;
        // Revoked before the watcher watches, so only its sweeps can find the connections.
        keys.Revoke(key.Id);
        var guard = new HubKeyGuard(keys, new AccessMode(keys, loopbackOnly: true));
        var time = new FakeTimeProvider();
        using var watcher = new RevokedKeyWatcher(keys, guard, NullLogger<RevokedKeyWatcher>.Instance, time);
        var before = new FakeHubCaller(key.Id, Role.Reader, "before-start");
        guard.Opened(before);
        await watcher.StartAsync(CancellationToken.None);
        // The sweep at start has run once it closed this one; the next comes a sweep later.
        await before.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var later = new FakeHubCaller(key.Id, Role.Reader, "later");
        guard.Opened(later);

        time.Advance(RevokedKeyWatcher.Sweep - TimeSpan.FromTicks(1));
        Assert.False(later.Aborted.Task.IsCompleted, "closed before the sweep");
        time.Advance(TimeSpan.FromTicks(1));

        await later.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await watcher.StopAsync(CancellationToken.None);
    }
}
