using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainGraph.Server.Apis;

/// <summary>Problem Details helpers: the <c>errors</c> map names each parameter that is wrong.</summary>
internal static class Problems
{
    /// <summary>A message worded once, the same in either language.</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid([new FieldError(field, null, message)], Language.Zh);

    /// <summary>Every error, said in <paramref name="language"/>.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, Language language) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Why.In(language)).ToArray()),
            detail: string.Join(" ", errors.Select(e => e.In(language))));

    /// <summary>The language a request reads its errors in: its <c>lang</c> (en, else Chinese), read leniently, since a bad <c>lang</c> is itself an error to say.</summary>
    public static Language LanguageOf(HttpContext http) => Languages.ParseLeniently(http.Request.Query["lang"].ToString());

    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
