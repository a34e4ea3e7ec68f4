using System.Net.Http.Headers;
using System.Text.Json;

namespace ChainGraph.Storage.Neo4j.Internal;

/// <summary>
/// One Query API answer, read the way https://neo4j.com/docs/query-api/current/transactions
/// documents it: <c>{"data":{"fields":[..],"values":[[..]]},"bookmarks":[..],"transaction":{"id":..}}</c>
/// with a <c>neo4j-cluster-affinity</c> header, or <c>{"errors":[{"code":..,"message":..}]}</c>
/// whatever the HTTP status.
/// </summary>
internal sealed record Neo4jResponse(QueryResult Result, string? TransactionId, string? Affinity)
{
    public const string AffinityHeader = "neo4j-cluster-affinity";

    public static async Task<Neo4jResponse> ReadAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var root = Parse(body);
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        if (root is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            throw Neo4jErrors.FromErrors(errors, response.StatusCode, retryAfter, endpoint);
        if (!response.IsSuccessStatusCode) throw Neo4jErrors.FromStatus(response.StatusCode, retryAfter, endpoint);
        if (root is not { ValueKind: JsonValueKind.Object } answer)
        {
            // Commit and rollback may answer with no body at all.
            return body.Length == 0
                ? new Neo4jResponse(new QueryResult([], [], []), null, null)
                : throw Neo4jErrors.UnexpectedResponse(endpoint, $"HTTP {(int)response.StatusCode} without a JSON object");
        }
        var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        return new Neo4jResponse(ReadResult(answer), ReadTransactionId(answer), affinity);
    }

    static JsonElement? Parse(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status code decides.
            return null;
        }
    }

    static QueryResult ReadResult(JsonElement answer)
    {
        var fields = new List<string>();
        var rows = new List<JsonElement[]>();
        if (answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var names) && names.ValueKind == JsonValueKind.Array)
                fields.AddRange(names.EnumerateArray().Select(n => n.GetString() ?? ""));
            if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
                rows.AddRange(values.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToArray() : [r]));
        }
        return new QueryResult(fields, rows, Strings(answer, "bookmarks"));
    }

    static string? ReadTransactionId(JsonElement answer) =>
        answer.TryGetProperty("transaction", out var transaction) && transaction.ValueKind == JsonValueKind.Object
        && transaction.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    static List<string> Strings(JsonElement answer, string property) =>
        answer.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!).ToList()
            : [];

    static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
}
