using System.Diagnostics;

namespace ChainGraph.Server.Apis;

/// <summary>
/// Where an upload waits while it is read: a folder of its own (owner-only) under the system's
/// temporary folder, named after the serving process, so a later start removes what a killed one left.
/// </summary>
internal static class Uploads
{
    const string Prefix = "chaingraph-import-";

    public static DirectoryInfo Create() => Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-");

    /// <summary>Removes the upload folders of services that are no longer running.</summary>
    public static void RemoveAbandoned(ILogger logger)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(folder).AsSpan(Prefix.Length);
            var dash = name.IndexOf('-');
            if (dash <= 0 || !int.TryParse(name[..dash], out var pid) || IsRunning(pid)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Could not remove the abandoned upload folder {Folder}: {Reason}", folder, e.Message);
            }
        }
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
