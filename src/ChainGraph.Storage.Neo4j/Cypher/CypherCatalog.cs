using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ChainGraph.Storage.Neo4j.Cypher;

/// <summary>
/// The statements of graph/schema.cypher and graph/queries/*.cypher, embedded in this assembly
/// (so the CLI, the server and the tests carry the same text) and checked by tests/cypher-lint.
/// A statement ends with ';' at the end of a line or at the end of its file; a query file holds
/// exactly one; each parameter is declared by a comment line <c>// $name: what it is</c>.
/// </summary>
public static partial class CypherCatalog
{
    const string SchemaResource = "graph/schema.cypher";
    const string QueriesPrefix = "graph/queries/";

    static readonly Lazy<FrozenDictionary<string, CypherStatement>> LoadedQueries = new(LoadQueries);
    static readonly Lazy<IReadOnlyList<CypherStatement>> LoadedSchema = new(() => Split("schema", Read(SchemaResource)));

    /// <summary>The constraints and indexes, in file order.</summary>
    public static IReadOnlyList<CypherStatement> Schema => LoadedSchema.Value;

    /// <summary>Every query, by file name without extension.</summary>
    public static IReadOnlyDictionary<string, CypherStatement> Queries => LoadedQueries.Value;

    /// <summary>The query of graph/queries/<paramref name="name"/>.cypher.</summary>
    public static CypherStatement Get(string name) =>
        Queries.TryGetValue(name, out var statement)
            ? statement
            : throw new InvalidOperationException($"graph/queries/{name}.cypher is not embedded in {typeof(CypherCatalog).Assembly.GetName().Name}.");

    static FrozenDictionary<string, CypherStatement> LoadQueries()
    {
        var queries = new Dictionary<string, CypherStatement>(StringComparer.Ordinal);
        foreach (var resource in typeof(CypherCatalog).Assembly.GetManifestResourceNames().Where(r => r.StartsWith(QueriesPrefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource);
            var statements = Split(name, Read(resource));
            queries[name] = statements.Count == 1
                ? statements[0]
                : throw new InvalidOperationException($"{resource} holds {statements.Count} statements; a query file holds exactly one.");
        }
        return queries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    static string Read(string resource)
    {
        using var stream = typeof(CypherCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in {typeof(CypherCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Splits a file into statements the way tests/cypher-lint/lint.mjs does.</summary>
    internal static IReadOnlyList<CypherStatement> Split(string name, string text)
    {
        var statements = new List<CypherStatement>();
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            lines.Add(line.TrimEnd('\r'));
            if (line.TrimEnd().EndsWith(';')) Flush();
        }
        Flush();
        return statements;

        void Flush()
        {
            if (lines.Exists(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                var parameters = lines.Select(l => ParameterDeclaration().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);
                // The trailing ';' separates statements in the file; it is not part of what Neo4j receives.
                var statement = string.Join('\n', lines).Trim().TrimEnd(';');
                var label = statements.Count == 0 && name != "schema" ? name : $"{name}#{statements.Count + 1}";
                statements.Add(new CypherStatement(label, statement, parameters.ToFrozenSet(StringComparer.Ordinal)));
            }
            lines.Clear();
        }
    }

    [GeneratedRegex(@"^\s*//\s*\$(\w+)\s*:")]
    private static partial Regex ParameterDeclaration();
}
