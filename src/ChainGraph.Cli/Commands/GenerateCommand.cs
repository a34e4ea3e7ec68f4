using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Formats.Synthetic;

namespace ChainGraph.Cli.Commands;

/// <summary><c>generate --enterprises N --seed S --out DIR</c>: a synthetic national chain graph as admin-import CSV.</summary>
public static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var enterprises = new Option<int>("--enterprises") { Description = "How many enterprises (products: as many).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for the CSV files.", Required = true };
        var command = new Command("generate", "Write a synthetic chain graph (heavy-tailed, tiered, with deliberate weak points) to measure scale.")
        {
            enterprises, seed, output,
        };
        command.SetAction(result =>
        {
            var clock = Stopwatch.StartNew();
            var (nodes, rels) = new SyntheticChainGenerator(result.GetValue(enterprises), result.GetValue(seed)).Write(result.GetValue(output)!);
            console.Out.WriteLine($"Wrote {nodes:N0} nodes and {rels:N0} relationships to {result.GetValue(output)} in {clock.Elapsed.TotalSeconds:0.0} s.");
            console.Out.WriteLine($"Import them with: chaingraph import {result.GetValue(output)} --format csv");
            return ExitCodes.Ok;
        });
        return command;
    }
}
