using System.Diagnostics;
using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Benchmarks;

/// <summary>Where the repository is, and its NetworkX reference scripts (tests/reference/).</summary>
internal static class Repository
{
    /// <summary>The "seconds" a reference script reports with --timing on ChainKnowledgeGraph, or null without python3 and NetworkX.</summary>
    public static async Task<JsonElement?> NetworkXTimingsAsync(string script)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepositoryFolder.Root, "tests", "reference", script), SharedData.ChainKg!, "--timing" }) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? JsonDocument.Parse(output).RootElement.GetProperty("seconds").Clone() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
