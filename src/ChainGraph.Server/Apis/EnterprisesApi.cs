using ChainGraph.Analysis.Profile;
using ChainGraph.Application.Requests;
using ChainGraph.Model.Text;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Enterprises: the profile, with the same answer as <c>chaingraph profile</c>.</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enterprises").WithTags("Enterprises").RequireAuthorization(Policies.Reader);
        api.MapGet("/{id}/profile", Profile)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An enterprise's place and how it was found, tags, chains and segments, customers, suppliers, innovation partners, clusters, chokepoints and 招商 candidacies.");
        return app;
    }

    static async Task<JsonHttpResult<EnterpriseProfile>> Profile(GraphService graph, AnswerJson answers, HttpContext http, string id, CancellationToken cancellationToken,
        int limit = 50, string? lang = null)
    {
        var language = Languages.Parse(lang);
        var profile = (await graph.RunAsync(new ProfileRequest(id, limit), cancellationToken)).For(http);
        return TypedResults.Json(ProfileRequest.WithStored(profile, await graph.Store.GetNodeAsync(id, cancellationToken)), answers.For(language));
    }
}
