using ChainGraph.Formats;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using ChainGraph.Model.Requests;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using ChainGraph.Server.Hubs;
using ChainGraph.Storage;
using ChainGraph.Storage.Import;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Apis;

/// <summary>Edits and imports: every write takes the import path (validation, merge rules, one transaction) and updates open views.</summary>
public static class WritesApi
{
    public static IEndpointRouteBuilder MapWritesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Writes").RequireAuthorization(Policies.Editor);
        api.MapPut("/nodes/{id}", PutNode).WithSummary("Create or update a node; properties merge, given values win.");
        api.MapPut("/nodes", PutNode).WithSummary("The same, with the id as a query parameter (any character, '/' too).");
        api.MapDelete("/nodes/{id}", DeleteNode).WithSummary("Delete a node and its relationships.");
        api.MapDelete("/nodes", DeleteNode).WithSummary("The same, with the id as a query parameter.");
        api.MapPut("/relationships", PutRelationship).WithSummary("Create or update a relationship (one per type, start and end).");
        api.MapDelete("/relationships", DeleteRelationship).WithSummary("Delete a relationship.");
        api.MapPost("/import", Import).WithSummary("Import one file (body) in the given format, all or nothing; progress is pushed to hub clients.")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    static async Task<Results<Ok<ImportSummary>, ValidationProblem>> PutNode(GraphService graph, string id, NodeWrite body, CancellationToken cancellationToken)
    {
        new ParameterCheck().Required("id", id).Required("label", body.Label).ThrowIfInvalid();
        if (!GraphSchema.TryParseLabel(body.Label, out var label)) return Problems.Invalid("label", $"Unknown label '{body.Label}'.");
        if (ToProperties(body.Properties, out var properties) is { } bad) return Problems.Invalid("properties", bad);
        // An update names only what changes: the stored properties fill in the rest (and the required ones).
        if (await graph.Store.GetNodeAsync(id, cancellationToken) is { } stored && stored.Label == label)
            foreach (var (key, value) in stored.Properties) properties.TryAdd(key, value);
        var batch = new GraphBatch();
        batch.AddNode(id, label, properties, new SourceLocation("request", 1));
        return await WriteAsync(graph, batch, cancellationToken);
    }

    static async Task<Results<Ok<ImportSummary>, ValidationProblem>> PutRelationship(GraphService graph, RelationshipWrite body, CancellationToken cancellationToken)
    {
        new ParameterCheck().Required("type", body.Type).Required("start", body.Start).Required("end", body.End).ThrowIfInvalid();
        if (!GraphSchema.TryParseRelType(body.Type, out var type)) return Problems.Invalid("type", $"Unknown relationship type '{body.Type}'.");
        if (ToProperties(body.Properties, out var properties) is { } bad) return Problems.Invalid("properties", bad);
        var batch = new GraphBatch();
        batch.AddRelationship(type, new EndpointRef(body.Start), new EndpointRef(body.End), properties, new SourceLocation("request", 1));
        return await WriteAsync(graph, batch, cancellationToken);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteNode(GraphService graph, string id, CancellationToken cancellationToken) =>
        await graph.DeleteNodeAsync(id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound($"No node with id '{id}'.");

    static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteRelationship(GraphService graph, string type, string start, string end,
        CancellationToken cancellationToken)
    {
        if (!GraphSchema.TryParseRelType(type, out var relType)) return Problems.Invalid("type", $"Unknown relationship type '{type}'.");
        return await graph.DeleteRelationshipAsync(new RelationshipKey(relType, start, end), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"No {type} relationship from '{start}' to '{end}'.");
    }

    /// <summary>
    /// Imports one uploaded file. The answer lists at most <see cref="ImportSummary.ListedRows"/> rejections (the
    /// total is counted), so junk cannot make it larger than the upload; past
    /// <paramref name="maxRejectRatio"/> rejected rows nothing is written.
    /// </summary>
    static async Task<Results<Ok<ImportSummary>, ValidationProblem>> Import(GraphService graph, IHubContext<GraphHub, IGraphClient> hub, HttpRequest request,
        SecurityOptions security, string format, CancellationToken cancellationToken, string? job = null, double maxRejectRatio = 1)
    {
        // Uploads may be larger than other requests, up to their own limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = security.MaxImportBytes;
        var check = new ParameterCheck().Range("maxRejectRatio", maxRejectRatio, 0, 1);
        if (format is not ("jsonl" or "csv" or "tags"))
            check.That(false, "format", format, "upload one file as jsonl, csv (admin-import) or tags (a tag list); import folders with the command line");
        if (job is not null) check.That(job.Length is > 0 and <= 64 && job.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), "job", job,
            "use 1 to 64 letters, digits, '-' and '_'");
        check.ThrowIfInvalid();
        var jobId = job ?? Guid.NewGuid().ToString("N")[..12];
        var folder = Uploads.Create();
        try
        {
            var file = Path.Combine(folder.FullName, "upload." + format);
            await using (var target = File.Create(file)) await request.Body.CopyToAsync(target, cancellationToken);
            await hub.Clients.All.Progress(new JobProgress(jobId, "reading", 0, null));
            var rows = 0L;
            var progress = new Progress<WriteProgress>(p => hub.Clients.All.Progress(new JobProgress(jobId, "writing", p.Written, p.Total)));
            // A tag list adds to the tags stored: read them in the write slot, so a write meanwhile is not undone.
            var summary = await graph.WriteAsync(async token =>
            {
                var batch = new GraphBatch();
                var enterprises = GraphReaders.ReadsStoredEnterprises(format) ? await StoredEnterprises.ReadAsync(graph.Store, token) : null;
                GraphReaders.Get(format, enterprises).Read(file, batch, token);
                rows = batch.NodeCount + batch.RelationshipCount;
                return batch;
            }, progress, cancellationToken, maxRejectRatio);
            await hub.Clients.All.Progress(new JobProgress(jobId, "done", rows, rows));
            return TypedResults.Ok(summary.Listing());
        }
        catch (FormatException e)
        {
            return Problems.Invalid("body", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task<Results<Ok<ImportSummary>, ValidationProblem>> WriteAsync(GraphService graph, GraphBatch batch, CancellationToken cancellationToken)
    {
        var summary = await graph.WriteAsync(batch, cancellationToken: cancellationToken);
        return summary.Rejected is [var first, ..] ? Problems.Invalid("body", first.Reason) : TypedResults.Ok(summary);
    }

    static string? ToProperties(System.Text.Json.JsonElement? json, out Dictionary<string, object> properties)
    {
        properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (json is not { } obj || obj.ValueKind == System.Text.Json.JsonValueKind.Null) return null;
        if (obj.ValueKind != System.Text.Json.JsonValueKind.Object) return "properties must be a JSON object";
        foreach (var p in obj.EnumerateObject())
        {
            if (!PropertyValues.TryGetName(p, out var name)) return "a property name is not valid UTF-8 or holds a lone surrogate";
            if (!PropertyValues.TryFromJson(p.Value, out var value, out var error)) return $"property '{name}': {error}";
            properties[name] = value;
        }
        return null;
    }
}

/// <summary>A node as an editor writes it.</summary>
public sealed record NodeWrite(string Label, System.Text.Json.JsonElement? Properties);

/// <summary>A relationship as an editor writes it.</summary>
public sealed record RelationshipWrite(string Type, string Start, string End, System.Text.Json.JsonElement? Properties);
