using System.CommandLine;
using ChainGraph.Model;
using ChainGraph.Storage;

namespace ChainGraph.Cli.Commands;

/// <summary><c>stats</c>: node counts per label and relationship counts per type.</summary>
public static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("stats", "Count nodes per label and relationships per type.");
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            if (result.GetValue(CommonOptions.Json))
            {
                var stats = await store.GetStatsAsync(cancellationToken);
                console.WriteJson(new { nodes = stats.Nodes, relationships = stats.Relationships });
            }
            else
            {
                await PrintAsync(console, store, cancellationToken);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task PrintAsync(CliConsole console, IGraphStore store, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        console.Out.WriteLine($"The graph holds {stats.NodeTotal:N0} nodes and {stats.RelationshipTotal:N0} relationships.");
        console.WriteTable(["label", "nodes"], stats.Nodes.Select(p => new[] { p.Key, p.Value.ToString("N0") }));
        console.WriteTable(["type", "relationships"], stats.Relationships.Select(p => new[] { p.Key, p.Value.ToString("N0") }));
        var chains = await store.GetNodesAsync(NodeLabel.Chain, 0, 100, cancellationToken);
        if (chains.Count > 0) console.Out.WriteLine($"Chains: {string.Join(", ", chains.Select(c => $"{c.Name} ({c.Id})"))}");
    }
}
