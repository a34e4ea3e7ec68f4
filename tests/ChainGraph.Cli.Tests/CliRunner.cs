using System.Diagnostics;
using System.Text.Json;

namespace ChainGraph.Cli.Tests;

/// <summary>Runs the chaingraph command in-process (fast) or as a child process (to kill it).</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(code is ExitCodes.Ok or ExitCodes.BadInput, $"exit {code}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>An embedded store with its schema and no data (the read verbs refuse a store that does not exist).</summary>
    public static async Task CreateEmptyStoreAsync(string db)
    {
        await using var store = new Storage.Sqlite.SqliteGraphStore(db);
        await store.InitializeAsync();
    }

    /// <summary>Starts the built command as its own process, stderr captured line by line.</summary>
    public static Process Start(IEnumerable<string> args, Action<string> onErrorText)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chaingraph.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _ = Task.Run(async () =>
        {
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0) onErrorText(new string(buffer, 0, read));
        });
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }
}
