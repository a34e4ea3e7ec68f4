using ChainGraph.Model;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// A Neo4j admin-import header: <c>id:ID(Space)</c>, <c>:LABEL</c>, <c>:START_ID(Space)</c>,
/// <c>:END_ID(Space)</c>, <c>:TYPE</c>, <c>:IGNORE</c> and typed properties such as
/// <c>share:float</c> or <c>tags:string[]</c>. An id space that names a label says what an
/// endpoint is when it has to be created.
/// </summary>
internal sealed class CsvHeader
{
    public int Id { get; private set; } = -1;
    public int Label { get; private set; } = -1;
    public int StartId { get; private set; } = -1;
    public int EndId { get; private set; } = -1;
    public int Type { get; private set; } = -1;
    public NodeLabel? IdSpace { get; private set; }
    public NodeLabel? StartSpace { get; private set; }
    public NodeLabel? EndSpace { get; private set; }
    public List<(int Column, string Name, PropertyType Type)> Properties { get; } = [];

    public bool IsNodeFile => Id >= 0;

    public bool IsRelationshipFile => StartId >= 0 && EndId >= 0;

    public static CsvHeader Parse(IReadOnlyList<string> columns, string file)
    {
        var header = new CsvHeader();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i].Trim();
            var colon = column.LastIndexOf(':');
            var name = colon < 0 ? column : column[..colon];
            var kind = colon < 0 ? "string" : column[(colon + 1)..];
            var space = Space(ref kind);
            switch (kind.ToUpperInvariant())
            {
                case "ID": header.Id = i; header.IdSpace = space; break;
                case "LABEL": header.Label = i; break;
                case "START_ID": header.StartId = i; header.StartSpace = space; break;
                case "END_ID": header.EndId = i; header.EndSpace = space; break;
                case "TYPE": header.Type = i; break;
                case "IGNORE": break;
                default:
                    if (name.Length == 0) throw new FormatException($"{file}: column {i + 1} '{column}' has no name.");
                    header.Properties.Add((i, name, PropertyTypeOf(kind) ??
                        throw new FormatException($"{file}: column '{column}': type '{kind}' is not supported; use string, int, long, float, double, boolean or string[].")));
                    break;
            }
        }
        if (header.IsNodeFile == header.IsRelationshipFile)
            throw new FormatException($"{file}: the header has neither an :ID column (a node file) nor :START_ID and :END_ID (a relationship file).");
        if (header.IsRelationshipFile && header.Type < 0)
            throw new FormatException($"{file}: a relationship file needs a :TYPE column.");
        return header;
    }

    static NodeLabel? Space(ref string kind)
    {
        var open = kind.IndexOf('(');
        if (open < 0 || !kind.EndsWith(')')) return null;
        var space = kind[(open + 1)..^1];
        kind = kind[..open];
        return GraphSchema.TryParseLabel(space, out var label) ? label : null;
    }

    static PropertyType? PropertyTypeOf(string kind) => kind.ToLowerInvariant() switch
    {
        "string" or "char" => PropertyType.String,
        "int" or "long" or "short" or "byte" => PropertyType.Long,
        "float" or "double" => PropertyType.Double,
        "boolean" => PropertyType.Boolean,
        "string[]" => PropertyType.StringArray,
        _ => null,
    };
}
