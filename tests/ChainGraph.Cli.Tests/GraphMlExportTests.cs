using System.Diagnostics;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>GraphML export opens in NetworkX (a standard reader) with every node, edge and property.</summary>
public sealed class GraphMlExportTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ExportGraphMl_ReadsBackInNetworkXWithEveryNodeEdgeAndProperty()
    {
        var db = folder.File("demo.db");
        await CliRunner.RunAsync("demo", "--db", db);
        var path = folder.File("demo.graphml");
        var stats = await CliRunner.JsonAsync("stats", "--db", db);

        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("export", "graphml", "--out", path, "--db", db)).Code);
        var output = RunNetworkX($$"""
            import networkx as nx
            g = nx.read_graphml(r"{{path}}")
            catl = g.nodes["300750"]
            edge = g.edges["300750", "动力电池"]
            print(g.number_of_nodes(), g.number_of_edges(), catl["label"], catl["name"], catl["province"], catl["tags"], edge["type"], type(edge.get("share")).__name__)
            """);

        var nodes = stats.GetProperty("nodes").EnumerateObject().Sum(p => p.Value.GetInt64());
        var edges = stats.GetProperty("relationships").EnumerateObject().Sum(p => p.Value.GetInt64());
        Assert.Equal($"{nodes} {edges} Enterprise 宁德时代 福建省 链主;上市 MAKES float", output.Trim());
    }

    /// <summary>Runs a script with the first python3 that has NetworkX (the image's, or Debian's python3-networkx).</summary>
    static string RunNetworkX(string script)
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-");
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            try
            {
                using var process = Process.Start(start)!;
                process.StandardInput.Write(script);
                process.StandardInput.Close();
                var output = process.StandardOutput.ReadToEnd();
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode == 0) return output;
                if (!error.Contains("No module named 'networkx'", StringComparison.Ordinal)) Assert.Fail($"{python}: {error}");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name: try the next.
            }
        }
        Assert.Fail("No python3 with NetworkX: install it with `apt-get install -y python3-networkx` (.ci/run does).");
        return "";
    }
}
