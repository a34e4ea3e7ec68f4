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
        return app;
    }

    /// <summary>200 with the store's size while the store answers; 503 with Retry-After and the reason while it does not.</summary>
    static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Health(GraphService graph, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await graph.Store.GetStatsAsync(cancellationToken);
            return TypedResults.Ok(new HealthReport("ok", graph.Store.GetType().Name, stats.NodeTotal, stats.RelationshipTotal));
        }
        catch (GraphStoreException e)
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Json(new HealthReport("unavailable", graph.Store.GetType().Name, 0, 0, e.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    static async Task<Ok<GraphStats>> Stats(GraphService graph, CancellationToken cancellationToken) =>
        TypedResults.Ok(await graph.Store.GetStatsAsync(cancellationToken));

    static async Task<Results<Ok<IEnumerable<NodeSummary>>, ValidationProblem>> Search(GraphService graph, string q, string? label,
        CancellationToken cancellationToken, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(q)) return Problems.Invalid("q", "Give the text to search for.");
        if (q.Length > 200) return Problems.Invalid("q", "The search text is longer than 200 characters.");
        if (label is not null && ParseLabel(label) is null) return Problems.Invalid("label", $"Unknown label '{label}'.");
        var nodes = await graph.Store.SearchAsync(q, ParseLabel(label), Math.Clamp(limit, 1, 200), cancellationToken);
        return TypedResults.Ok(nodes.Select(NodeSummary.Of));
    }

    static async Task<Results<Ok<NodeDetail>, ProblemHttpResult, ValidationProblem>> GetNode(GraphService graph, string id, string? type,
        CancellationToken cancellationToken, Direction direction = Direction.Both, int limit = 50, int skip = 0)
    {
        RelType? relType = null;
        if (type is not null)
        {
            if (!GraphSchema.TryParseRelType(type, out var parsed)) return Problems.Invalid("type", $"Unknown relationship type '{type}'.");
            relType = parsed;
        }
        if (await graph.Store.GetNodeAsync(id, cancellationToken) is not { } node) return Problems.NotFound($"No node with id '{id}'.");
        var page = await graph.Store.GetNeighboursAsync(id, new NeighbourQuery(relType, direction, Math.Clamp(limit, 1, 1000), Math.Max(0, skip)), cancellationToken);
        return TypedResults.Ok(new NodeDetail(id, GraphSchema.Name(node.Label), node.Properties, page.Total,
            page.Items.Select(n => new NeighbourView(GraphSchema.Name(n.Relationship.Type), n.Direction.ToString().ToLowerInvariant(),
                NodeSummary.Of(n.Node), n.Relationship.Properties))));
    }

    internal static NodeLabel? ParseLabel(string? label) => label is not null && GraphSchema.TryParseLabel(label, out var l) ? l : null;
}

public sealed record HealthReport(string Status, string Store, long Nodes, long Relationships, string? Reason = null);

public sealed record NodeSummary(string Id, string Label, string Name)
{
    public static NodeSummary Of(GraphNode node) => new(node.Id, GraphSchema.Name(node.Label), node.Name);
}

public sealed record NodeDetail(string Id, string Label, IReadOnlyDictionary<string, object> Properties, int Total, IEnumerable<NeighbourView> Neighbours);

public sealed record NeighbourView(string Type, string Direction, NodeSummary Node, IReadOnlyDictionary<string, object> Properties);
