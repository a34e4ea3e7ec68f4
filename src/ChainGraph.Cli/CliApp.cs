using System.CommandLine;
using ChainGraph.Cli.Commands;

namespace ChainGraph.Cli;

/// <summary>The <c>chaingraph</c> command: one verb per command class.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var console = new CliConsole(stdout ?? System.Console.Out, stderr ?? System.Console.Error);
        var root = new RootCommand("ChainGraph: a knowledge graph of industry chains (产业链知识图谱).")
        {
            DemoCommand.Create(console),
            ImportCommand.Create(console),
            StatsCommand.Create(console),
            SearchCommand.Create(console),
            NodeCommand.Create(console),
            ExportCommand.Create(console),
            AnalyzeCommand.Create(console),
            GenerateCommand.Create(console),
            ServeCommand.Create(console),
            KeysCommand.Create(console),
            BackupCommand.Create(console),
            RestoreCommand.Create(console),
        };
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or Storage.GraphStoreException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary>Exit codes of the command-line contract.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
