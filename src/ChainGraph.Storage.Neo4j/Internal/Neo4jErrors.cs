using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChainGraph.Storage.Neo4j.Internal;

/// <summary>
/// Maps Query API answers and transport failures to <see cref="GraphStoreException"/>, classifying
/// Neo4j status codes the way neo4j/neo4j-dotnet-driver's Neo4jExceptionFactory does:
/// <c>Neo.TransientError.*</c> may succeed when tried again, <c>Neo.ClientError.*</c> and
/// <c>Neo.DatabaseError.*</c> will not. See https://neo4j.com/docs/status-codes/current/errors/.
/// </summary>
internal static class Neo4jErrors
{
    const string RetryAfterKey = "RetryAfter";

    /// <summary>The driver treats these two transient codes as final: the transaction was ended on purpose.</summary>
    static readonly HashSet<string> FinalTransientCodes =
        ["Neo.TransientError.Transaction.Terminated", "Neo.TransientError.Transaction.LockClientStopped"];

    public static bool IsTransientCode(string code) =>
        code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) && !FinalTransientCodes.Contains(code);

    /// <summary>Neo4j's errors array, whatever the HTTP status (the Query API often answers 202 with errors).</summary>
    public static GraphStoreException FromErrors(JsonElement errors, HttpStatusCode status, TimeSpan? retryAfter, string endpoint)
    {
        var all = errors.EnumerateArray()
            .Select(e => (Code: Text(e, "code") ?? "Neo.DatabaseError.General.UnknownError", Message: Text(e, "message") ?? ""))
            .ToList();
        var (code, _) = all[0];
        var messages = string.Join(" | ", all.Select(e => $"{e.Code}: {e.Message}"));
        var transient = IsTransientCode(code) || IsUnavailableStatus(status);
        return WithRetryAfter(new GraphStoreException($"Neo4j at {endpoint} answered {messages}", code, transient), retryAfter);
    }

    /// <summary>A failed HTTP status without a Neo4j error in the body.</summary>
    public static GraphStoreException FromStatus(HttpStatusCode status, TimeSpan? retryAfter, string endpoint)
    {
        var unavailable = IsUnavailableStatus(status);
        var code = unavailable ? Neo4jErrorCodes.ServiceUnavailable : $"HTTP_{(int)status}";
        return WithRetryAfter(new GraphStoreException($"Neo4j at {endpoint} answered HTTP {(int)status} {status}.", code, unavailable), retryAfter);
    }

    public static GraphStoreException ConnectionFailed(string endpoint, Exception e) =>
        new($"Cannot reach Neo4j at {endpoint}: {e.Message}", Neo4jErrorCodes.ConnectionFailed, isTransient: true, e);

    public static GraphStoreException Timeout(string endpoint, TimeoutRejectedException e) =>
        new($"Neo4j at {endpoint} did not answer within {e.Timeout.TotalSeconds:0.###} s.", Neo4jErrorCodes.Timeout, isTransient: true, e);

    public static GraphStoreException CircuitOpen(string endpoint, BrokenCircuitException e) =>
        new($"Neo4j at {endpoint} is unavailable: recent requests failed, so calls fail fast" +
            (e.RetryAfter is { } wait ? $" for another {wait.TotalSeconds:0.#} s" : "") + " before one tries again.",
            Neo4jErrorCodes.CircuitOpen, isTransient: true, e);

    public static GraphStoreException UnexpectedResponse(string endpoint, string what) =>
        new($"Neo4j at {endpoint} answered in an unexpected shape: {what}", Neo4jErrorCodes.UnexpectedResponse, isTransient: false);

    /// <summary>Failures that say the server is down or overloaded, as opposed to a bad statement or a deadlock: these open the circuit.</summary>
    public static bool IsUnavailable(Exception? e) => e switch
    {
        TimeoutRejectedException => true,
        GraphStoreException g => g.Code is Neo4jErrorCodes.ConnectionFailed or Neo4jErrorCodes.ServiceUnavailable
            or "Neo.TransientError.General.DatabaseUnavailable",
        _ => false,
    };

    /// <summary>The server's Retry-After, when it sent one with a 503.</summary>
    public static TimeSpan? RetryAfter(Exception? e) => e?.Data[RetryAfterKey] as TimeSpan?;

    static GraphStoreException WithRetryAfter(GraphStoreException e, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait) e.Data[RetryAfterKey] = wait;
        return e;
    }

    static bool IsUnavailableStatus(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    static string? Text(JsonElement error, string property) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
