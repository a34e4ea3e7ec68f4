namespace ChainGraph.Testing;

/// <summary>Polls, up to a bound, for a condition brought about in the background, instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false if it still does not after <paramref name="timeout"/>.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var waited = TimeSpan.Zero; waited < timeout; waited += Poll)
        {
            if (await condition()) return true;
            await Task.Delay(Poll);
        }
        return await condition();
    }
}
