using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>
/// A full disk, for real: <c>serve</c> runs with its store on a 2 MiB tmpfs mounted in a mount
/// namespace of its own (<c>unshare</c>, util-linux), and an import fills it.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AWriteToAFullDisk_IsA503WithTheReason_AndHealthSaysSo()
    {
        var disk = Directory.CreateDirectory(folder.File("disk")).FullName;
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--map-root-user", "--mount", "sh", "-c",
            "mount -t tmpfs -o size=2m tmpfs \"$0\" && exec dotnet \"$1\" serve --db \"$0/g.db\" --keys \"$0/keys.json\" --urls http://127.0.0.1:0 --json",
            disk, Path.Combine(AppContext.BaseDirectory, "chaingraph.dll") })
            start.ArgumentList.Add(arg);
        using var serve = Process.Start(start)!;
        var stderr = serve.StandardError.ReadToEndAsync();
        try
        {
            var started = await CliRunner.ReadJsonAnswerAsync(serve);
            if (started is null) Assert.Fail($"serve on a tmpfs did not start (unshare needs user or mount namespaces): {await stderr}");
            using var http = new HttpClient { BaseAddress = new Uri(started.Value.GetProperty("urls")[0].GetString()!) };
            http.DefaultRequestHeaders.Add("X-ChainGraph-Token", started.Value.GetProperty("writeToken").GetString());
            var lines = new StringBuilder();
            for (var i = 0; i < 8_000; i++)
                lines.Append($$$"""{"type":"node","id":"fill:{{{i}}}","labels":["Product"],"properties":{"name":"填满磁盘 {{{i}}} {{{new string('x', 400)}}}"}}""").Append('\n');

            var write = await http.PostAsync("/api/import?format=jsonl", new StringContent(lines.ToString(), Encoding.UTF8, "text/plain"));
            var health = await http.GetAsync("/api/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Contains("disk holding the store is full", await write.Content.ReadAsStringAsync());
            Assert.NotNull(write.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("disk full", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }
}
