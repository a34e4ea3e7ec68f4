namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// <see cref="GraphStoreException.Code"/> values of failures that have no Neo4j status code; the
/// others carry Neo4j's own (<c>Neo.ClientError.Statement.SyntaxError</c>, ...).
/// </summary>
public static class Neo4jErrorCodes
{
    /// <summary>The server could not be reached or dropped the connection (transient).</summary>
    public const string ConnectionFailed = "CONNECTION_FAILED";

    /// <summary>One request took longer than <see cref="Neo4jOptions.RequestTimeout"/> (transient).</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>HTTP 502, 503 or 504 without a Neo4j error (transient).</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>Too many recent calls found Neo4j unavailable; calls fail fast until it has had time to recover (transient).</summary>
    public const string CircuitOpen = "CIRCUIT_OPEN";

    /// <summary>An answer that is not the Query API's documented shape.</summary>
    public const string UnexpectedResponse = "UNEXPECTED_RESPONSE";

    /// <summary>A relationship names a node that does not exist (as the embedded store reports it).</summary>
    public const string NodeNotFound = "NODE_NOT_FOUND";

    /// <summary>A node property named <c>id</c>: the store keeps the node id there.</summary>
    public const string ReservedProperty = "RESERVED_PROPERTY";

    /// <summary>A ChainNode node without any label of the graph contract (edited outside ChainGraph).</summary>
    public const string UnknownLabel = "UNKNOWN_LABEL";
}
