using System.Diagnostics;

namespace ChainGraph.Cli;

/// <summary>
/// A one-line progress bar on stderr that appears only once the work has run for a second,
/// so quick commands stay quiet. Into a log (stderr redirected) it writes a plain line every
/// few seconds instead of redrawing. Safe to report from any thread.
/// </summary>
public sealed class ProgressBar(TextWriter error, bool enabled, bool redraw) : IDisposable
{
    static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    const int Width = 30;

    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Lock gate = new();
    bool drawn;
    long lastDrawMs = -1000;
    string lastPhase = "";

    /// <summary>Shows a phase with a count and, when the total is known, a bar.</summary>
    public void Report(string phase, long done, long? total = null)
    {
        if (!enabled || clock.Elapsed < Delay) return;
        lock (gate)
        {
            var now = clock.ElapsedMilliseconds;
            if (now - lastDrawMs < (redraw ? 100 : 3000) && done != total && phase == lastPhase) return;
            lastDrawMs = now;
            lastPhase = phase;
            var line = total is > 0 and var t
                ? $"{phase,-8} [{new string('#', (int)(Width * done / t)).PadRight(Width, '.')}] {100 * done / t,3}%  {done:N0}/{t:N0}"
                : $"{phase,-8} {done:N0}";
            if (redraw)
            {
                error.Write($"\r{line,-72}");
                drawn = true;
            }
            else
            {
                error.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (drawn) error.WriteLine();
            drawn = false;
        }
    }
}
