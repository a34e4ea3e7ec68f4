using System.Diagnostics;
using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The OpenAPI document describes every answer, and the web client's types (web/src/types.ts) agree
/// with it: the TypeScript compiler checks what the service sends against what the page expects.
/// </summary>
public sealed class OpenApiTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    static string Web => Path.Combine(RepositoryFolder.Root, "web");

    [Fact]
    public async Task EverySuccessfulAnswer_HasASchema_AndEveryOperationItsProblems()
    {
        using var document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));

        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            var responses = operation.Value.GetProperty("responses");
            if (!responses.TryGetProperty("400", out _)) missing.Add($"{name}: no 400");
            if (!responses.TryGetProperty("503", out _)) missing.Add($"{name}: no 503");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name is "200" or "201"))
            {
                if (!response.Value.TryGetProperty("content", out var content)) missing.Add($"{name}: {response.Name} without content");
                else if (content.EnumerateObject().Where(c => c.Name.Contains("json", StringComparison.Ordinal)).Any(c => !c.Value.TryGetProperty("schema", out _)))
                    missing.Add($"{name}: {response.Name} without a schema");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task TheWebClientsTypes_AgreeWithTheOpenApiDocument()
    {
        await File.WriteAllTextAsync(folder.File("openapi.json"), await server.Http.GetStringAsync("/openapi/v1.json"));
        await NodeAsync("node_modules/openapi-typescript/bin/cli.js", folder.File("openapi.json"), "--output", folder.File("openapi.d.ts"));
        var types = Path.Combine(Web, "src", "types").Replace('\\', '/');
        await File.WriteAllTextAsync(folder.File("check.ts"), $$"""
            import type { components } from "./openapi";
            import type { GapReport, ChokepointReport, ChainSummary } from "{{types}}";
            type Schemas = components["schemas"];
            // What the service sends must satisfy what the page expects of it.
            export const gaps = (sent: Schemas["ChainGapReport"]): GapReport => sent;
            export const chokepoints = (sent: Schemas["ChokepointReport"]): ChokepointReport => sent;
            export const chains = (sent: Schemas["ChainSummary"]): ChainSummary => sent;
            """);

        await NodeAsync("node_modules/typescript/bin/tsc", "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--moduleResolution", "bundler",
            "--module", "es2022", folder.File("check.ts"));
    }

    /// <summary>Runs a script of the web client's packages (installed by the build) and fails with its output if it fails.</summary>
    static async Task NodeAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Web, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}:\n{await output}\n{await error}");
    }
}
