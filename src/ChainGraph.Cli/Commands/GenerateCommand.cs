using System.CommandLine;
using System.Diagnostics;
using ChainGraph.Formats.Synthetic;
using ChainGraph.Model.Requests;

namespace ChainGraph.Cli.Commands;

/// <summary><c>generate --enterprises N --seed S --out DIR</c>: a synthetic national chain graph as admin-import CSV.</summary>
public static class GenerateCommand
{
    /// <summary>Ten times the largest store measured; a bound, not a promise.</summary>
    const int MaxEnterprises = 10_000_000;

    public static Command Create(CliConsole console)
    {
        var enterprises = new Option<int>("--enterprises") { Description = "How many enterprises (products: as many).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder for the CSV files.", Required = true };
        var command = new Command("generate", "Write a synthetic chain graph (heavy-tailed, tiered, with deliberate weak points) to measure scale.")
        {
            enterprises, seed, output, CommonOptions.Json,
        };
        command.SetAction(result =>
        {
            new ParameterCheck().Range("enterprises", result.GetValue(enterprises), 1, MaxEnterprises).ThrowIfInvalid();
            var clock = Stopwatch.StartNew();
            var folder = result.GetValue(output)!;
            var (nodes, rels) = new SyntheticChainGenerator(result.GetValue(enterprises), result.GetValue(seed)).Write(folder);
            var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            if (result.GetValue(CommonOptions.Json))
            {
                console.WriteJson(new { path = Path.GetFullPath(folder), nodes, relationships = rels, seconds });
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"Wrote {nodes:N0} nodes and {rels:N0} relationships to {folder} in {seconds:0.0} s.");
            console.Out.WriteLine($"Import them with: chaingraph import {folder} --format csv");
            return ExitCodes.Ok;
        });
        return command;
    }
}
