using ChainGraph.Application.Requests;
using ChainGraph.Model;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using ChainGraph.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Reads: health, stats, search, a node with its neighbours.</summary>
public static class GraphApi
{
    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Graph").RequireAuthorization(Policies.Reader);
        api.MapGet("/health", Health).WithSummary("Service and store state.").AllowAnonymous();
        api.MapGet("/stats", Stats).WithSummary("Nodes per label and relationships per type.");
        api.MapGet("/search", Search).WithSummary("Nodes whose name contains the text (Chinese substrings work): exact, then prefix, then the rest.");
        api.MapGet("/nodes/{id}", GetNode).WithSummary("A node's properties and a page of its neighbours, with the total for '+N more'.");
        api.MapGet("/nodes", GetNode).WithSummary("The same, with the id as a query parameter (any character, '/' too).");
        return app;
    }

    /// <summary>
    /// 200 with the store's size while the store answers and takes writes; 503 with Retry-After and
    /// the reason while it does not answer, or while its disk is full.
    /// </summary>
    static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Health(GraphService graph, HttpContext http, CancellationToken cancellationToken)
    {
        var store = graph.Store.GetType().Name;
        try
        {
            var stats = await graph.Store.GetStatsAsync(cancellationToken);
            if (graph.StorageFull is { } full) return Unavailable(new HealthReport("disk full", store, stats.NodeTotal, stats.RelationshipTotal, full));
            return TypedResults.Ok(new HealthReport("ok", store, stats.NodeTotal, stats.RelationshipTotal));
        }
        catch (GraphStoreException e)
        {
            return Unavailable(new HealthReport("unavailable", store, 0, 0, e.Message));
        }

        JsonHttpResult<HealthReport> Unavailable(HealthReport report)
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    static async Task<Ok<GraphStats>> Stats(GraphService graph, CancellationToken cancellationToken) =>
        TypedResults.Ok(await graph.Store.GetStatsAsync(cancellationToken));

    static async Task<Ok<IEnumerable<NodeSummary>>> Search(GraphService graph, string q, string? label, CancellationToken cancellationToken, int limit = 20)
    {
        var request = new SearchRequest(q, label, limit);
        request.Validate();
        var nodes = await graph.Store.SearchAsync(q, request.OnlyLabel, limit, cancellationToken);
        return TypedResults.Ok(nodes.Select(NodeSummary.Of));
    }

    static async Task<Results<Ok<NodeDetail>, ProblemHttpResult>> GetNode(GraphService graph, string id, string? type,
        CancellationToken cancellationToken, Direction direction = Direction.Both, int limit = 50, int skip = 0)
    {
        var request = new NeighboursRequest(id, type, limit, skip);
        request.Validate();
        if (await graph.Store.GetNodeAsync(id, cancellationToken) is not { } node) return Problems.NotFound($"No node with id '{id}'.");
        var page = await graph.Store.GetNeighboursAsync(id, new NeighbourQuery(request.OnlyType, direction, limit, skip), cancellationToken);
        return TypedResults.Ok(new NodeDetail(id, GraphSchema.Name(node.Label), node.Properties, page.Total,
            page.Items.Select(n => new NeighbourView(GraphSchema.Name(n.Relationship.Type), n.Direction.ToString().ToLowerInvariant(),
                NodeSummary.Of(n.Node), n.Relationship.Properties))));
    }
}

public sealed record HealthReport(string Status, string Store, long Nodes, long Relationships, string? Reason = null);

public sealed record NodeSummary(string Id, string Label, string Name)
{
    public static NodeSummary Of(GraphNode node) => new(node.Id, GraphSchema.Name(node.Label), node.Name);
}

public sealed record NodeDetail(string Id, string Label, IReadOnlyDictionary<string, object> Properties, int Total, IEnumerable<NeighbourView> Neighbours);

public sealed record NeighbourView(string Type, string Direction, NodeSummary Node, IReadOnlyDictionary<string, object> Properties);
