using System.ComponentModel;
using System.Diagnostics;
using ChainGraph.Testing;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>Runs tests/cypher-lint/lint.mjs (Neo4j's Cypher linter, from npm) with Node.</summary>
static class CypherLint
{
    public const string Install = "npm ci --prefix tests/cypher-lint";

    public static string Root => RepositoryFolder.Root;

    /// <summary>The exit code and everything the linter printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] paths)
    {
        var module = Path.Combine(Root, "tests", "cypher-lint", "node_modules", "@neo4j-cypher", "language-support");
        if (!Directory.Exists(module))
            Assert.Fail($"The Cypher linter is not installed: building this project installs it; else run `{Install}` in {Root} (Node 20 or later).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("tests", "cypher-lint", "lint.mjs"));
        foreach (var path in paths) start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js is needed to run the Cypher linter ({e.Message}); install Node 20 or later, then run `{Install}`.");
            throw;
        }
    }
}
