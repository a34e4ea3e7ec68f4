using System.Text;
using ChainGraph.Model;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// Writes a graph as Neo4j admin-import CSV: nodes_{Label}.csv and rels_{TYPE}.csv with typed
/// headers, readable by <see cref="AdminImportCsvReader"/> and by <c>neo4j-admin database import</c>
/// (with --multiline-fields=true when names hold line breaks). The folder is written beside its
/// target and moved into place when complete (<see cref="AtomicOutput"/>), replacing an earlier export.
/// </summary>
public static class AdminImportCsvWriter
{
    /// <summary>Writes the files into <paramref name="folder"/>, which must be absent, empty or an earlier export.</summary>
    /// <returns>The paths of the files written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, IAsyncEnumerable<GraphNode> nodes,
        IAsyncEnumerable<GraphRelationship> relationships, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        // The folder is replaced whole: never replace one that holds anything but an earlier export.
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).FirstOrDefault(e => !IsExportFile(e)) is { } other)
            throw new IOException($"'{folder}' holds files other than a CSV export; export into a new, empty or earlier export folder. Got: '{Path.GetFileName(other)}'");
        var names = await AtomicOutput.WriteFolderAsync(folder, temp => WriteFilesAsync(temp, nodes, relationships, cancellationToken), cancellationToken);
        return names.Select(name => Path.Combine(folder, name)).ToList();
    }

    static bool IsExportFile(string path) =>
        File.Exists(path) && Path.GetFileName(path) is var name && name.EndsWith(".csv", StringComparison.Ordinal)
        && (name.StartsWith("nodes_", StringComparison.Ordinal) || name.StartsWith("rels_", StringComparison.Ordinal));

    /// <summary>The file names written into <paramref name="folder"/>.</summary>
    static async Task<List<string>> WriteFilesAsync(string folder, IAsyncEnumerable<GraphNode> nodes,
        IAsyncEnumerable<GraphRelationship> relationships, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var nodesByLabel = new SortedDictionary<NodeLabel, List<GraphNode>>();
        await foreach (var node in nodes.WithCancellation(cancellationToken))
            (nodesByLabel.TryGetValue(node.Label, out var list) ? list : nodesByLabel[node.Label] = []).Add(node);
        foreach (var (label, group) in nodesByLabel)
        {
            var columns = Columns(group.Select(n => n.Properties), p => GraphSchema.TypeOf(label, p));
            files.Add(await WriteFileAsync(folder, $"nodes_{label}.csv", ["id:ID", ":LABEL"], columns,
                group.Select(n => (new[] { n.Id, GraphSchema.Name(label) }, n.Properties)), cancellationToken));
        }

        var relsByType = new SortedDictionary<RelType, List<GraphRelationship>>();
        await foreach (var rel in relationships.WithCancellation(cancellationToken))
            (relsByType.TryGetValue(rel.Type, out var list) ? list : relsByType[rel.Type] = []).Add(rel);
        foreach (var (type, group) in relsByType)
        {
            var name = GraphSchema.Name(type);
            var columns = Columns(group.Select(r => r.Properties), p => GraphSchema.TypeOf(type, p));
            files.Add(await WriteFileAsync(folder, $"rels_{name}.csv", [":START_ID", ":END_ID", ":TYPE"], columns,
                group.Select(r => (new[] { r.StartId, r.EndId, name }, r.Properties)), cancellationToken));
        }
        return files;
    }

    /// <summary>Property columns in first-seen order, typed by the schema, else by the values (mixed types fall back to string).</summary>
    static List<(string Name, PropertyType Type)> Columns(IEnumerable<IReadOnlyDictionary<string, object>> rows, Func<string, PropertyType?> schemaType)
    {
        var types = new Dictionary<string, PropertyType>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (key, value) in row)
            {
                var type = schemaType(key) ?? PropertyValues.TypeOf(value);
                if (!types.TryGetValue(key, out var seen))
                {
                    types[key] = type;
                    order.Add(key);
                }
                else if (seen != type)
                {
                    types[key] = (seen, type) is (PropertyType.Long, PropertyType.Double) or (PropertyType.Double, PropertyType.Long)
                        ? PropertyType.Double : PropertyType.String;
                }
            }
        }
        return order.Select(k => (k, types[k])).ToList();
    }

    static async Task<string> WriteFileAsync(string folder, string name, string[] fixedColumns, List<(string Name, PropertyType Type)> columns,
        IEnumerable<(string[] Fixed, IReadOnlyDictionary<string, object> Properties)> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(Path.Combine(folder, name), append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        await writer.WriteLineAsync(CsvText.Line(fixedColumns.Concat(columns.Select(c => $"{c.Name}:{PropertyValues.CsvTypeName(c.Type)}"))));
        foreach (var (fixedValues, properties) in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = fixedValues.Concat(columns.Select(c => properties.TryGetValue(c.Name, out var v) ? Cell(v, c.Type) : ""));
            await writer.WriteLineAsync(CsvText.Line(cells));
        }
        return name;
    }

    static string Cell(object value, PropertyType type) =>
        type == PropertyType.String && value is not string ? PropertyValues.Format(value, AdminImportCsvReader.ArrayDelimiter)
        : PropertyValues.Format(value is long l && type == PropertyType.Double ? (double)l : value, AdminImportCsvReader.ArrayDelimiter);
}
