using System.CommandLine;
using ChainGraph.Model;

namespace ChainGraph.Cli.Commands;

/// <summary><c>search TEXT</c>: nodes whose name contains the text (Chinese substrings work), best matches first.</summary>
public static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "Part of a name, e.g. 锂 or 宁德." };
        var label = new Option<string?>("--label") { Description = "Only nodes of this label." };
        label.AcceptOnlyFromAmong([.. GraphSchema.Labels.Select(GraphSchema.Name)]);
        var limit = new Option<int>("--limit") { Description = "At most this many results.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Find nodes by name.") { text, label, limit };
        command.WithStore().SetAction(async (result, cancellationToken) =>
        {
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            NodeLabel? only = result.GetValue(label) is { } l && GraphSchema.TryParseLabel(l, out var parsed) ? parsed : null;
            var nodes = await store.SearchAsync(result.GetValue(text)!, only, result.GetValue(limit), cancellationToken);
            if (result.GetValue(CommonOptions.Json))
                console.WriteJson(nodes.Select(n => new { id = n.Id, label = GraphSchema.Name(n.Label), name = n.Name }));
            else
                console.WriteTable(["id", "label", "name"], nodes.Select(n => new[] { n.Id, GraphSchema.Name(n.Label), n.Name }));
            return ExitCodes.Ok;
        });
        return command;
    }
}
