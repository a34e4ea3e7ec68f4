using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Problem Details helpers: one field, one message.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
