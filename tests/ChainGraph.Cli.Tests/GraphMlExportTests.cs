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

    [Fact]
    public async Task ExportGraphMl_Json_PrintsTheSummaryWithTheEscapedCount()
    {
        var db = folder.File("graph.db");
        folder.Write("in.jsonl", """{"type":"node","id":"小\b大肠","labels":["Product"],"properties":{"name":"小\b大肠"}}""");
        await CliRunner.RunAsync("import", folder.File("in.jsonl"), "--format", "jsonl", "--db", db);
        var path = folder.File("out/graph.graphml");

        var summary = await CliRunner.JsonAsync("export", "graphml", "--out", path, "--db", db);
        var (_, _, error) = await CliRunner.RunAsync("export", "graphml", "--out", path, "--db", db);

        Assert.Equal("graphml", summary.GetProperty("format").GetString());
        Assert.Equal(path, summary.GetProperty("path").GetString());
        Assert.Equal(1, summary.GetProperty("nodes").GetInt32());
        Assert.Equal(0, summary.GetProperty("relationships").GetInt32());
        // The node's id and its name.
        Assert.Equal(2, summary.GetProperty("escapedValues").GetInt32());
        Assert.True(summary.GetProperty("seconds").GetDouble() >= 0);
        Assert.Contains("2 values escaped", error);
        Assert.Contains("小\\u0008大肠", System.Xml.Linq.XDocument.Load(path).ToString());
    }

    [ChainKgFact]
    public async Task ExportGraphMl_OfChainKnowledgeGraph_ReadsBackInNetworkXWithTheCountsStatsReports()
    {
        var db = folder.File("chainkg.db");
        await CliRunner.RunAsync("import", SharedData.ChainKg!, "--format", "chainkg", "--db", db);
        var stats = await CliRunner.JsonAsync("stats", "--db", db);
        var path = folder.File("chainkg.graphml");

        var summary = await CliRunner.JsonAsync("export", "graphml", "--out", path, "--db", db);
        // A multigraph: two nodes may be linked by relationships of different types. The escape undone as the README shows.
        var output = RunNetworkX($$"""
            import re
            import networkx as nx
            g = nx.read_graphml(r"{{path}}", force_multigraph=True)
            unescape = lambda s: re.sub(r"\\(\\|u[0-9A-F]{4})", lambda m: "\\" if m[1] == "\\" else chr(int(m[1][1:], 16)), s)
            names = {unescape(d["name"]) for _, d in g.nodes(data=True)}
            print(g.number_of_nodes(), g.number_of_edges(), "小\b大肠" in names, r"小\b大肠" in names)
            """);

        var nodes = stats.GetProperty("nodes").EnumerateObject().Sum(p => p.Value.GetInt64());
        var edges = stats.GetProperty("relationships").EnumerateObject().Sum(p => p.Value.GetInt64());
        Assert.Equal($"{nodes} {edges} True True", output.Trim());
        Assert.Equal(nodes, summary.GetProperty("nodes").GetInt64());
        Assert.Equal(edges, summary.GetProperty("relationships").GetInt64());
        Assert.True(summary.GetProperty("escapedValues").GetInt32() > 0);
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
