using ChainGraph.Model.Text;

namespace ChainGraph.Application.Presentation;

/// <summary>Table headers in the reader's language, each column given as "中文|English".</summary>
public static class Words
{
    public static IReadOnlyList<string> Header(Language language, params string[] columns) => [.. columns.Select(c => language.Say(c))];
}
