using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Chains;
using ChainGraph.Model.Import;

namespace ChainGraph.Formats.Chains;

/// <summary>
/// Reads industry-chain templates (graph/chains/*.json): a Chain (its strategic emerging
/// <c>sector</c> and the SW industries it covers), its Segments (stage, order, match rules)
/// PART_OF it, FEEDS between segments, and the Products IN_SEGMENT each segment. A product is
/// named by its id, which is its name, so templates match any data set that names products; the
/// match rules (<see cref="SegmentMatch"/>) are kept on the Segment as JSON and applied to the
/// data at analysis time, so they hold whatever was imported before or after.
/// </summary>
public sealed class ChainTemplateReader : IGraphReader
{
    public string Format => "chains";

    public void Read(string path, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var file in GraphReaders.Files(path, ".json"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = System.IO.Path.GetFileName(file);
            ChainTemplate? template;
            try
            {
                template = JsonSerializer.Deserialize<ChainTemplate>(File.ReadAllText(file), Json.Options);
            }
            catch (JsonException e)
            {
                batch.Reject(new SourceLocation(name, (e.LineNumber ?? 0) + 1), $"malformed chain template: {e.Message}");
                continue;
            }
            if (template is null) batch.Reject(new SourceLocation(name, 1), "the file holds no chain template");
            else Add(template, batch, new SourceLocation(name, 1));
        }
    }

    static void Add(ChainTemplate chain, GraphBatch batch, SourceLocation at)
    {
        var chainProperties = Properties(chain.Name, chain.NameEn, ("description", chain.Description));
        if (chain.Sector is not null) chainProperties["sector"] = chain.Sector;
        if (chain.Industries is { Count: > 0 } covered) chainProperties["match"] = new SegmentMatch(Industries: covered).ToJson();
        batch.AddNode(chain.Id, NodeLabel.Chain, chainProperties, at);
        foreach (var segment in chain.Segments ?? [])
        {
            if (segment is null)
            {
                batch.Reject(at, "field 'segments': expected segment objects. Got: null");
                continue;
            }
            var properties = Properties(segment.Name, segment.NameEn, ("stage", segment.Stage));
            properties["order"] = (long)segment.Order;
            if (segment.Match is { } match)
            {
                var problems = match.Problems().ToList();
                foreach (var (field, message) in problems)
                    batch.Reject(at, $"segment '{segment.Id}', field 'match.{field}': {message}");
                if (problems.Count > 0) continue;
                properties["match"] = match.ToJson();
            }
            batch.AddNode(segment.Id, NodeLabel.Segment, properties, at);
            batch.AddRelationship(RelType.PartOf, new(segment.Id), new(chain.Id), [], at);
            foreach (var product in segment.Products ?? [])
                batch.AddRelationship(RelType.InSegment, new(product, NodeLabel.Product), new(segment.Id), [], at);
            foreach (var next in segment.Feeds ?? [])
                batch.AddRelationship(RelType.Feeds, new(segment.Id), new(next), [], at);
        }
    }

    static Dictionary<string, object> Properties(string name, string? nameEn, (string Key, string? Value) extra)
    {
        var properties = new Dictionary<string, object> { ["name"] = name };
        if (nameEn is not null) properties["nameEn"] = nameEn;
        if (extra.Value is not null) properties[extra.Key] = extra.Value;
        return properties;
    }
}

/// <summary>The JSON shape of an industry-chain template.</summary>
/// <param name="Sector">One of <see cref="StrategicSectors.All"/>.</param>
/// <param name="Industries">SW codes of the industries the template covers: a chain asked for by such an industry is this template.</param>
public sealed record ChainTemplate(string Id, string Name, string? NameEn, string? Description, IReadOnlyList<SegmentTemplate>? Segments,
    string? Sector = null, IReadOnlyList<string>? Industries = null);

public sealed record SegmentTemplate(string Id, string Name, string? NameEn, string? Stage, int Order,
    IReadOnlyList<string>? Products, IReadOnlyList<string>? Feeds, SegmentMatch? Match = null);
