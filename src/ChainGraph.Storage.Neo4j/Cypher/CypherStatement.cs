namespace ChainGraph.Storage.Neo4j.Cypher;

/// <summary>
/// One Cypher statement from the files under graph/, with the parameters its comments declare.
/// Only <see cref="CypherCatalog"/> makes them, so no statement text is ever built from values:
/// values travel as parameters.
/// </summary>
public sealed class CypherStatement
{
    internal CypherStatement(string name, string text, IReadOnlySet<string> parameters)
    {
        Name = name;
        Text = text;
        Parameters = parameters;
    }

    /// <summary>Where it comes from: the file name without extension, or schema.cypher and a number.</summary>
    public string Name { get; }

    public string Text { get; }

    /// <summary>The parameters declared by <c>// $name: ...</c> comment lines; exactly these must be sent.</summary>
    public IReadOnlySet<string> Parameters { get; }

    public override string ToString() => Name;
}
