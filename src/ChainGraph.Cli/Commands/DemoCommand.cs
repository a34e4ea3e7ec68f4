using System.CommandLine;
using ChainGraph.Formats;

namespace ChainGraph.Cli.Commands;

/// <summary><c>demo</c>: loads the built-in demo (chain templates and demo graph) and prints what is in the store.</summary>
public static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", "Load the built-in demo data (five industry chains) and show what the graph holds.") { ImportCommand.MixWithDemo };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken, create: true);
            await ImportCommand.RefuseMixingAsync(result, store, importingDemo: true, cancellationToken);
            var json = result.GetValue(CommonOptions.Json);
            var code = await ImportCommand.RunAsync(console, store, batch => DemoData.Read(batch, cancellationToken: cancellationToken), json,
                cancellationToken, tables: false);
            if (json) return code;
            await StatsCommand.PrintAsync(console, store, cancellationToken);
            var db = result.GetValue(CommonOptions.Db) is var path && path != CommonOptions.DefaultDb ? $" --db {path}" : "";
            console.Out.WriteLine($"""

                Try:
                  chaingraph analyze gaps --chain lithium-battery --region 常州{db}
                  chaingraph analyze chokepoints --chain photovoltaics{db}
                  chaingraph analyze disruption --remove 603260,ent:east-hope,600596{db}
                """);
            return code;
        });
        return command;
    }
}
