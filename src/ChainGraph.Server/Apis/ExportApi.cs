using ChainGraph.Application.Requests;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;

namespace ChainGraph.Server.Apis;

/// <summary>Exports: Cytoscape.js elements JSON of the whole graph, a chain or a neighbourhood.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").WithTags("Export").RequireAuthorization(Policies.Reader);
        api.MapGet("/cytoscape", Cytoscape)
            .WithSummary("Cytoscape.js elements JSON: the whole graph, a chain (chain=ID) or a node's neighbourhood (focus=ID&depth=K).")
            .Produces<CytoscapeDocument>();
        api.MapGet("/graphml", GraphMl).WithSummary("The whole graph as GraphML, for Gephi, Cytoscape desktop or NetworkX.")
            .Produces<string>(StatusCodes.Status200OK, "application/graphml+xml");
        return app;
    }

    static async Task<IResult> Cytoscape(GraphService graph, HttpContext http, CancellationToken cancellationToken,
        string? chain = null, string? focus = null, int depth = 1)
    {
        var selection = new SelectionRequest(chain, focus, depth);
        selection.Validate();
        var only = selection.Select(await graph.GetSnapshotAsync(cancellationToken));
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chaingraph.cyjs\"";
        await CytoscapeWriter.WriteAsync(http.Response.Body,
            graph.Store.ReadNodesAsync(cancellationToken).Where(n => only?.Contains(n.Id) ?? true),
            graph.Store.ReadRelationshipsAsync(cancellationToken).Where(r => SelectionRequest.Holds(only, r)),
            cancellationToken);
        return Results.Empty;
    }

    static async Task<IResult> GraphMl(GraphService graph, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/graphml+xml; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chaingraph.graphml\"";
        // The XML writer flushes synchronously at times, which Kestrel's response stream refuses: write to memory first.
        using var buffer = new MemoryStream();
        await Formats.GraphMl.GraphMlWriter.WriteAsync(buffer, graph.Store.ReadNodesAsync(cancellationToken), graph.Store.ReadRelationshipsAsync(cancellationToken), cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, cancellationToken);
        return Results.Empty;
    }
}

/// <summary>The shape of the Cytoscape.js export (streamed by <see cref="CytoscapeWriter"/>), for the API's document.</summary>
public sealed record CytoscapeDocument(CytoscapeElements Elements);

public sealed record CytoscapeElements(IReadOnlyList<CytoscapeElement> Nodes, IReadOnlyList<CytoscapeElement> Edges);

/// <summary>A node's id, label and properties, or an edge's id, source, target, type and properties.</summary>
public sealed record CytoscapeElement(IReadOnlyDictionary<string, object> Data);
