using ChainGraph.Model.Requests;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>API key management for admins (the same file as <c>chaingraph keys</c>).</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.Admin)
            .AddEndpointFilter(async (context, next) => context.HttpContext.RequestServices.GetRequiredService<AccessMode>().Open
                ? FirstKeyFromTheCommandLine(context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>())
                : await next(context));
        api.MapGet("/", (ApiKeyStore keys) => TypedResults.Ok(keys.List().Select(k => new KeyView(k.Id, k.Name, k.Role, k.Created, k.Revoked))))
            .WithSummary("Every key's id, name, role and dates; never the keys.");
        api.MapPost("/", Add).WithSummary("Create a key; the answer holds it once, the file only its hash.");
        api.MapDelete("/{id}", Revoke).WithSummary("Revoke a key at once.");
        return app;
    }

    static Results<NoContent, ProblemHttpResult> Revoke(ApiKeyStore keys, string id) =>
        keys.Revoke(id) ? TypedResults.NoContent() : Problems.NotFound($"No active key '{id}'.");

    /// <summary>
    /// In open mode every local caller is an admin, so any page or process on the machine could mint
    /// the first key; only someone at the command line may.
    /// </summary>
    static ProblemHttpResult FirstKeyFromTheCommandLine(ApiKeyStore keys) => TypedResults.Problem(
        $"This service has no API keys and serves this machine only. Create the first admin key on the command line: `chaingraph keys add --name NAME --role Admin` (file {keys.Path}); then manage keys here with it.",
        statusCode: StatusCodes.Status403Forbidden, title: "The first key comes from the command line");

    static Results<Ok<NewKey>, ValidationProblem> Add(ApiKeyStore keys, KeyRequest request, HttpContext http)
    {
        try
        {
            var (key, secret) = keys.Add(request.Name, request.Role);
            return TypedResults.Ok(new NewKey(key.Id, key.Name, key.Role, secret));
        }
        catch (InvalidRequestException e)
        {
            return Problems.Invalid(e.Errors, Problems.LanguageOf(http));
        }
    }
}

public sealed record KeyRequest(string? Name, Role Role);

public sealed record KeyView(string Id, string Name, Role Role, DateTimeOffset Created, DateTimeOffset? Revoked);

public sealed record NewKey(string Id, string Name, Role Role, string Key);
