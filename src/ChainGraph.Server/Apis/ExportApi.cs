using ChainGraph.Analysis.Chains;
using ChainGraph.Application.Requests;
using ChainGraph.Formats.Cytoscape;
using ChainGraph.Model;
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
            .WithSummary("Cytoscape.js elements JSON: the whole graph, a chain (chain=ID) or a node's neighbourhood (focus=ID&depth=K).");
        api.MapGet("/graphml", GraphMl).WithSummary("The whole graph as GraphML, for Gephi, Cytoscape desktop or NetworkX.");
        return app;
    }

    static async Task<IResult> Cytoscape(GraphService graph, HttpContext http, CancellationToken cancellationToken,
        string? chain = null, string? focus = null, int depth = 1)
    {
        new SelectionRequest(chain, focus, depth).Validate();
        var snapshot = await graph.GetSnapshotAsync(cancellationToken);
        HashSet<string>? only = null;
        if (chain is not null || focus is not null)
        {
            var selected = chain is not null
                ? ChainNodes(snapshot, ChainSegments.Resolve(snapshot, chain))
                : Neighbourhood.Around(snapshot, snapshot.IndexOf(focus!, "focus"), depth);
            only = selected.Select(v => snapshot.Ids[v]).ToHashSet(StringComparer.Ordinal);
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"chaingraph.cyjs\"";
        await CytoscapeWriter.WriteAsync(http.Response.Body,
            Filter(graph.Store.ReadNodesAsync(cancellationToken), n => only?.Contains(n.Id) ?? true),
            Filter(graph.Store.ReadRelationshipsAsync(cancellationToken), r => only is null || (only.Contains(r.StartId) && only.Contains(r.EndId))),
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

    static HashSet<int> ChainNodes(GraphSnapshot snapshot, ResolvedChain chain)
    {
        var nodes = chain.Segments.SelectMany(s => s.Products.Concat(s.Makers).Append(s.Node)).ToHashSet();
        if (snapshot.TryGetIndex(chain.Id, out var root)) nodes.Add(root);
        return nodes;
    }

    static async IAsyncEnumerable<T> Filter<T>(IAsyncEnumerable<T> items, Func<T, bool> keep)
    {
        await foreach (var item in items)
            if (keep(item)) yield return item;
    }
}
