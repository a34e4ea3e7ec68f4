using ChainGraph.Model.Requests;
using ChainGraph.Server.Security;
using ChainGraph.Server.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Saved views: a named view request with the page's pickers, kept by the service so a link (<c>/?view=ID</c>) opens it again.</summary>
public static class SavedViewsApi
{
    public static IEndpointRouteBuilder MapSavedViewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/views").WithTags("Saved views");
        api.MapPost("/", Save).RequireAuthorization(Policies.Editor)
            .WithSummary($"Save a view: name (1–{SavedViewStore.MaxName} characters), the hub's view request and the page's pickers; at most {SavedViewStore.MaxViews:N0} views.");
        api.MapGet("/", List).RequireAuthorization(Policies.Reader).WithSummary("Every saved view, newest first.");
        api.MapGet("/{id}", Get).RequireAuthorization(Policies.Reader).WithSummary("One saved view.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    static async Task<Results<Created<SavedView>, ValidationProblem, ProblemHttpResult>> Save(SavedViewStore views, SaveViewRequest body, HttpContext http,
        CancellationToken cancellationToken)
    {
        try
        {
            return await views.AddAsync(body, cancellationToken) is { } saved
                ? TypedResults.Created($"/api/views/{saved.Id}", saved)
                : TypedResults.Problem($"The service keeps {SavedViewStore.MaxViews:N0} saved views, the most it may.", statusCode: StatusCodes.Status409Conflict,
                    title: "Too many saved views");
        }
        catch (InvalidRequestException e)
        {
            return Problems.Invalid(e.Errors, Problems.LanguageOf(http));
        }
    }

    static Ok<IReadOnlyList<SavedView>> List(SavedViewStore views) => TypedResults.Ok(views.List());

    static Results<Ok<SavedView>, ProblemHttpResult> Get(SavedViewStore views, string id) =>
        views.Get(id) is { } saved ? TypedResults.Ok(saved) : Problems.NotFound($"No saved view '{id}'.");
}
