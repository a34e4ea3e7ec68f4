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

    /// <summary>The built command as its own process (not started), stdout and stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chaingraph.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>
    /// The JSON object a verb that keeps running (<c>serve --json</c>) prints first, over several lines;
    /// null when the process ends before printing it whole.
    /// </summary>
    public static async Task<JsonElement?> ReadJsonAnswerAsync(Process process)
    {
        var answer = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            answer.AppendLine(line);
            if (line == "}") return JsonDocument.Parse(answer.ToString()).RootElement.Clone();
        }
        return null;
    }

    /// <summary>Starts the built command as its own process, stderr captured line by line.</summary>
    public static Process Start(IEnumerable<string> args, Action<string> onErrorText)
    {
        var process = Process.Start(StartInfo(args))!;
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
