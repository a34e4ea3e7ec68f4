using ChainGraph.Model.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Problem Details helpers: the <c>errors</c> map names each parameter that is wrong.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) => Invalid([new FieldError(field, null, message)]);

    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join(" ", errors));

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
