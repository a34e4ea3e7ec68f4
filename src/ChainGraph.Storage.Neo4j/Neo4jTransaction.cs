using ChainGraph.Storage.Neo4j.Cypher;

namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// An explicit Query API transaction: statements run with <c>POST .../tx/{id}</c>, it ends with
/// <c>POST .../tx/{id}/commit</c> or <c>DELETE .../tx/{id}</c>, and every request carries the
/// <c>neo4j-cluster-affinity</c> header of the answer that opened it, so a cluster routes it to
/// the member that holds the transaction. Disposing it while still open rolls it back.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    readonly Neo4jQueryClient client;
    readonly Uri uri;
    bool open = true;

    internal Neo4jTransaction(Neo4jQueryClient client, Uri uri, string id, string? affinity)
    {
        this.client = client;
        this.uri = uri;
        Id = id;
        Affinity = affinity;
    }

    public string Id { get; }

    /// <summary>The cluster-affinity header value sent back with each request, when the server gave one.</summary>
    public string? Affinity { get; }

    /// <summary>Runs one statement inside the transaction; a failure ends the transaction on the server.</summary>
    public async Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        var body = Neo4jQueryClient.Body(statement, parameters, []);
        return (await client.SendAsync(HttpMethod.Post, uri, body, Affinity, cancellationToken)).Result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        var answer = await client.SendAsync(HttpMethod.Post, new Uri($"{uri}/commit"), body: null, Affinity, cancellationToken);
        open = false;
        client.Remember(answer.Result.Bookmarks);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        open = false;
        await client.SendAsync(HttpMethod.Delete, uri, body: null, Affinity, cancellationToken);
    }

    void EnsureOpen()
    {
        if (!open) throw new InvalidOperationException($"Transaction {Id} has already been committed or rolled back.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!open) return;
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (GraphStoreException)
        {
            // Best effort: the failure that got us here matters more, a failed statement has already
            // ended the transaction on the server, and Neo4j drops idle transactions after a timeout.
        }
    }
}
