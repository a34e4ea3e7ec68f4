using System.CommandLine;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;
using ChainGraph.Storage;

namespace ChainGraph.Cli.Commands;

/// <summary><c>node ID</c>: a node's properties and its neighbours.</summary>
public static class NodeCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "Node id, e.g. 300750 or 碳酸锂." };
        var type = new Option<string?>("--type") { Description = "Only neighbours over this relationship type." };
        type.AcceptOnlyFromAmong([.. GraphSchema.RelTypes.Select(GraphSchema.Name)]);
        var direction = new Option<Direction>("--direction") { Description = "Outgoing, Incoming or Both.", DefaultValueFactory = _ => Direction.Both };
        var limit = new Option<int>("--limit") { Description = "At most this many neighbours.", DefaultValueFactory = _ => 50 };
        var command = new Command("node", "Show a node and its neighbours.") { id, type, direction, limit };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            var request = new NeighboursRequest(result.GetValue(id)!, result.GetValue(type), result.GetValue(limit));
            request.Validate();
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            var nodeId = request.Id;
            var node = await store.GetNodeAsync(nodeId, cancellationToken) ?? throw NotFoundException.Node("id", nodeId);
            var page = await store.GetNeighboursAsync(nodeId, new NeighbourQuery(request.OnlyType, result.GetValue(direction), request.Limit), cancellationToken);
            if (result.GetValue(CommonOptions.Json))
            {
                console.WriteJson(new
                {
                    id = node.Id, label = GraphSchema.Name(node.Label), properties = node.Properties, total = page.Total,
                    neighbours = page.Items.Select(n => new
                    {
                        type = GraphSchema.Name(n.Relationship.Type), direction = n.Direction.ToString().ToLowerInvariant(),
                        id = n.Node.Id, label = GraphSchema.Name(n.Node.Label), name = n.Node.Name, properties = n.Relationship.Properties,
                    }),
                });
                return ExitCodes.Ok;
            }
            var language = CommonOptions.LanguageOf(result);
            console.Out.WriteLine($"{node.Name} ({GraphSchema.Said(node.Label).In(language)} {node.Id})");
            foreach (var (key, value) in node.Properties) console.Out.WriteLine($"  {key}: {Model.PropertyValues.Format(value, ';')}");
            console.WriteTable(Words.Header(language, "关系|relationship", "邻居|neighbour", "类型|label", "名称|name"), page.Items.Select(n => new[]
            {
                n.Direction == Direction.Outgoing ? $"-{GraphSchema.Name(n.Relationship.Type)}->" : $"<-{GraphSchema.Name(n.Relationship.Type)}-",
                n.Node.Id, GraphSchema.Said(n.Node.Label).In(language), n.Node.Name,
            }));
            console.WriteShown(page.Items.Count, page.Total, "邻居|neighbours", "--limit", language);
            return ExitCodes.Ok;
        });
        return command;
    }
}
