namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>
/// Answers in the shapes Neo4j documents for the Query API, so the client is tested against
/// what a server sends rather than against our own idea of it.
/// </summary>
static class DocumentedAnswers
{
    /// <summary>
    /// A query's result: 202 with data, counters and bookmarks.
    /// https://neo4j.com/docs/query-api/2/query-counters (example response).
    /// </summary>
    public const string Result = """
        {"data":{"fields":["n.name"],"values":[["Peter"]]},
         "counters":{"containsUpdates":true,"nodesCreated":1,"nodesDeleted":0,"propertiesSet":1,"relationshipsCreated":0,
           "relationshipsDeleted":0,"labelsAdded":1,"labelsRemoved":0,"indexesAdded":0,"indexesRemoved":0,"constraintsAdded":0,
           "constraintsRemoved":0,"containsSystemUpdates":false,"systemUpdates":0},
         "bookmarks":["FB:kcwQaCYpl4jjRRiD7NlEZ0YJ9MkB8pA="]}
        """;

    /// <summary>A result with no records, as a write without RETURN answers.</summary>
    public const string Empty = """{"data":{"fields":[],"values":[]},"bookmarks":["FB:kcwQaCYpl4jjRRiD7NlEZ0YJ9MkB8pA="]}""";

    /// <summary>
    /// Opening an explicit transaction: 202, the transaction's id and expiry, and the affinity header
    /// to send back. https://neo4j.com/docs/query-api/current/transactions (create a transaction).
    /// </summary>
    public const string TransactionOpened = """
        {"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"lyU","expires":"2024-10-22T15:48:29Z"}}
        """;

    public const string TransactionId = "lyU";

    public static readonly (string Name, string Value) Affinity = ("neo4j-cluster-affinity", "MTAuOC41Ljc6MTc0NzQ=");

    /// <summary>Committing: the bookmarks of the committed transaction (same page, commit a transaction).</summary>
    public const string Committed = """{"bookmarks":["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]}""";

    /// <summary>
    /// An invalid statement: the error object of https://neo4j.com/docs/http-api/current/error-handling/,
    /// which the Query API answers in the same {"errors":[{"code","message"}]} shape.
    /// </summary>
    public const string SyntaxError = """
        {"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))"}]}
        """;

    /// <summary>Bad credentials (answered with HTTP 401).</summary>
    public const string Unauthorized = """
        {"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"The client is unauthorized due to authentication failure."}]}
        """;

    /// <summary>
    /// A transient error: the Neo.TransientError class of https://neo4j.com/docs/status-codes/current/errors/
    /// ("could therefore succeed if retrying the request").
    /// </summary>
    public const string Deadlock = """
        {"errors":[{"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"ForsetiClient[transactionId=12] can't acquire ExclusiveLock{owner=ForsetiClient[transactionId=11]}"}]}
        """;

    /// <summary>A constraint violation, a client error that retrying cannot fix.</summary>
    public const string ConstraintViolation = """
        {"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"Node(7) already exists with label `ChainNode` and property `id` = '300750'"}]}
        """;

    /// <summary>The database is down: 503 with Retry-After.</summary>
    public const string DatabaseUnavailable = """
        {"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"The database is not currently available to serve your request, refer to the database logs for more details. Retrying your request at a later time may succeed."}]}
        """;
}
