using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Csv;

/// <summary>
/// Reads CSV in Neo4j's admin-import convention, a file or a folder of *.csv files; each
/// file's header says whether it holds nodes or relationships. Arrays use ';' between items;
/// an empty cell means the property is absent, as in neo4j-admin.
/// </summary>
public sealed class AdminImportCsvReader : IGraphReader
{
    public const char ArrayDelimiter = ';';

    public string Format => "csv";

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var file in GraphReaders.Files(path, ".csv")) ReadFile(file, batch, cancellationToken);
    }

    static void ReadFile(string file, GraphBatch batch, CancellationToken cancellationToken)
    {
        var name = System.IO.Path.GetFileName(file);
        using var text = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var records = new CsvRecordReader(text);
        if (records.Next(out _, out var headerError) is not { } columns) return;
        if (headerError is not null) throw new FormatException($"{name}: the header cannot be read: {headerError}.");
        var header = CsvHeader.Parse(columns, name);
        records.ExpectedFields = columns.Count;
        while (records.Next(out var line, out var error) is { } fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = new SourceLocation(name, line);
            if (fields is [""]) continue;
            if (error is null && fields.Count != columns.Count)
                error = $"expected {columns.Count} fields, found {fields.Count}";
            if (error is not null)
            {
                batch.Reject(at, error);
                continue;
            }
            if (Properties(header, fields, out var properties) is { } bad) batch.Reject(at, bad);
            else if (header.IsNodeFile) Node(header, fields, properties, batch, at);
            else Relationship(header, fields, properties, batch, at);
        }
    }

    static void Node(CsvHeader header, List<string> fields, Dictionary<string, object> properties, GraphBatch batch, SourceLocation at)
    {
        var labels = header.Label >= 0
            ? fields[header.Label].Split(ArrayDelimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : header.IdSpace is { } space ? [GraphSchema.Name(space)] : [];
        var known = labels.Select(l => GraphSchema.TryParseLabel(l, out var label) ? label : (NodeLabel?)null).OfType<NodeLabel>().ToList();
        if (known.Count != 1)
        {
            batch.Reject(at, $"field ':LABEL': expected exactly one of {string.Join('|', GraphSchema.Labels)}. Got: '{string.Join(';', labels)}'");
            return;
        }
        batch.AddNode(fields[header.Id], known[0], properties, at);
    }

    static void Relationship(CsvHeader header, List<string> fields, Dictionary<string, object> properties, GraphBatch batch, SourceLocation at)
    {
        var typeName = fields[header.Type];
        if (!GraphSchema.TryParseRelType(typeName, out var type))
        {
            batch.Reject(at, $"field ':TYPE': expected one of {string.Join('|', GraphSchema.RelTypes.Select(GraphSchema.Name))}. Got: '{typeName}'");
            return;
        }
        batch.AddRelationship(type, new EndpointRef(fields[header.StartId], header.StartSpace),
            new EndpointRef(fields[header.EndId], header.EndSpace), properties, at);
    }

    static string? Properties(CsvHeader header, List<string> fields, out Dictionary<string, object> properties)
    {
        properties = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (column, name, type) in header.Properties)
        {
            var cell = fields[column];
            if (cell.Length == 0) continue;
            if (!PropertyValues.TryParse(cell, type, ArrayDelimiter, out var value, out var error))
                return $"field '{name}': {error}. Got: '{(cell.Length > 60 ? cell[..60] + "…" : cell)}'";
            properties[name] = value;
        }
        return null;
    }
}
