using System.CommandLine;
using ChainGraph.Application.Presentation;
using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Model.Text;

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
            var request = new SearchRequest(result.GetValue(text)!, result.GetValue(label), result.GetValue(limit));
            request.Validate();
            await using var store = await CommonOptions.OpenStoreAsync(result, cancellationToken);
            // One more than asked shows whether the limit cut the list.
            var found = await store.SearchAsync(request.Text, request.OnlyLabel, request.Limit + 1, cancellationToken);
            var nodes = found.Take(request.Limit).ToList();
            if (result.GetValue(CommonOptions.Json))
            {
                console.WriteJson(nodes.Select(n => new { id = n.Id, label = GraphSchema.Name(n.Label), name = n.Name }));
                return ExitCodes.Ok;
            }
            var language = CommonOptions.LanguageOf(result);
            console.WriteTable(Words.Header(language, "编号|id", "类型|label", "名称|name"), nodes.Select(n => new[] { n.Id, GraphSchema.Said(n.Label).In(language), n.Name }));
            if (found.Count > nodes.Count)
                console.Out.WriteLine(new Phrase("仅显示前 {0:N0} 个；还有更多匹配（用 --limit 调高上限，或缩小检索词）", "showing the first {0:N0}; more match (raise --limit or narrow the text)",
                    nodes.Count).In(language));
            return ExitCodes.Ok;
        });
        return command;
    }
}
