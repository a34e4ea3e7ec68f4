using ChainGraph.Formats.Csv;
using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Tags;

/// <summary>
/// Reads public lists of enterprises with a tag (the MIIT 专精特新 "little giants", 单项冠军, a
/// province's 链主 list) from CSV, a file or a folder of *.csv files, with a header naming
/// <c>tag</c>, <c>id</c> or <c>name</c> (or both), and optionally <c>year</c> and <c>source</c>. Each row
/// finds its enterprise among those stored: by id, else by name or registered full name, exactly.
/// A name that fits no enterprise, or several, rejects the row and says which. The tags are added
/// to the enterprise's own (never removed), and each row's tag, year and source kept in
/// <c>tagNotes</c> ("专精特新 · 2023 · 工信部第五批"), so the list a tag came from stays known.
/// </summary>
/// <param name="enterprises">The enterprises the store holds now (with their tags and full names).</param>
public sealed class TagListReader(IReadOnlyList<GraphNode> enterprises) : IGraphReader
{
    static readonly string[] Columns = ["id", "name", "tag", "year", "source"];

    public const string FormatName = "tags";

    public string Format => FormatName;

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var directory = new Directory(enterprises);
        var tagged = new Dictionary<string, Tagged>(StringComparer.Ordinal);
        foreach (var file in GraphReaders.Files(path, ".csv"))
            ColumnCsv.Read(file, Columns, Required, (cell, at) => Row(cell, directory, tagged, at), batch, cancellationToken);
        foreach (var (id, update) in tagged)
            batch.UpdateNode(id, NodeLabel.Enterprise, new() { ["tags"] = update.Tags.ToArray(), ["tagNotes"] = update.Notes.ToArray() }, [], update.At);
    }

    static string? Required(IReadOnlySet<string> columns) =>
        !columns.Contains("tag") ? $"the header has no 'tag' column; expected {string.Join(", ", Columns)}."
        : !columns.Contains("id") && !columns.Contains("name") ? "the header names neither 'id' nor 'name': each row must say which enterprise it tags."
        : null;

    /// <summary>Tags the row's enterprise; returns why the row cannot be used, or null.</summary>
    static string? Row(Func<string, string> Cell, Directory directory, Dictionary<string, Tagged> tagged, SourceLocation at)
    {
        var tag = Cell("tag");
        if (tag.Length == 0) return "field 'tag' is missing or empty";
        var (id, name) = (Cell("id"), Cell("name"));
        if (id.Length + name.Length == 0) return "fields 'id' and 'name' are both empty: the row names no enterprise";
        if (directory.Find(id, name, out var reason) is not { } enterprise) return reason;
        if (!tagged.TryGetValue(enterprise.Id, out var update))
            tagged[enterprise.Id] = update = new Tagged(enterprise, at);
        update.Add(tag, string.Join(" · ", new[] { tag, Cell("year"), Cell("source") }.Where(part => part.Length > 0)));
        return null;
    }

    /// <summary>The stored enterprises by id, name and registered full name.</summary>
    sealed class Directory(IReadOnlyList<GraphNode> enterprises)
    {
        readonly Dictionary<string, GraphNode> byId = enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        readonly ILookup<string, GraphNode> byName = enterprises
            .SelectMany(e => new[] { e.Name, e.GetString("fullName") }.OfType<string>().Distinct().Select(n => (Name: n, Enterprise: e)))
            .ToLookup(p => p.Name, p => p.Enterprise, StringComparer.Ordinal);

        public GraphNode? Find(string id, string name, out string? reason)
        {
            reason = null;
            if (id.Length > 0)
            {
                if (byId.TryGetValue(id, out var found)) return found;
                if (name.Length == 0)
                {
                    reason = $"field 'id': no enterprise has this id. Got: '{id}'";
                    return null;
                }
            }
            var named = byName[name].Distinct().ToList();
            if (named.Count == 1) return named[0];
            reason = named.Count == 0
                ? $"field 'name': no enterprise has this name or registered name{(id.Length > 0 ? $", nor the id '{id}'" : "")}. Got: '{name}'"
                : $"field 'name': {named.Count} enterprises have this name ({string.Join(", ", named.Select(e => e.Id).Order(StringComparer.Ordinal))}); give the id. Got: '{name}'";
            return null;
        }
    }

    /// <summary>An enterprise's tags (its own first) and the notes of the rows that tagged it.</summary>
    sealed class Tagged(GraphNode enterprise, SourceLocation at)
    {
        public SourceLocation At { get; } = at;

        public List<string> Tags { get; } = enterprise.Properties.TryGetValue("tags", out var own) && own is string[] tags ? [.. tags] : [];

        public List<string> Notes { get; } = enterprise.Properties.TryGetValue("tagNotes", out var own) && own is string[] notes ? [.. notes] : [];

        public void Add(string tag, string note)
        {
            if (!Tags.Contains(tag)) Tags.Add(tag);
            if (!Notes.Contains(note)) Notes.Add(note);
        }
    }
}
