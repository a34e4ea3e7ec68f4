using System.Net.Http.Headers;
using System.Text;
using ChainGraph.Storage.Neo4j.Cypher;
using ChainGraph.Storage.Neo4j.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// A client of Neo4j's HTTP Query API (Neo4j 5.26 and later, Aura): <c>POST /db/{db}/query/v2</c>
/// with a statement from graph/ and its parameters, Basic authentication, bookmarks carried from
/// each answer to the next request (so a read after a write sees it), and explicit transactions.
/// Failures surface as <see cref="GraphStoreException"/> with the Neo4j code; transient ones are
/// retried with jittered exponential back-off, and a circuit breaker fails fast while Neo4j is down.
/// </summary>
public sealed class Neo4jQueryClient : IDisposable
{
    static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    readonly HttpClient http;
    readonly ResiliencePipeline requests;
    readonly ResiliencePipeline calls;
    readonly Uri queryUri;
    readonly Uri transactionsUri;
    IReadOnlyList<string> bookmarks = [];

    /// <param name="timeProvider">The clock of retry delays, request timeouts and circuit breaks; the system clock by default.</param>
    public Neo4jQueryClient(Neo4jOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Endpoint = options.Endpoint;
        queryUri = new Uri($"{Endpoint}/query/v2");
        transactionsUri = new Uri($"{Endpoint}/query/v2/tx");
        requests = Neo4jResilience.Requests(options, timeProvider ?? TimeProvider.System);
        calls = Neo4jResilience.Calls(options, timeProvider ?? TimeProvider.System);
        // Polly owns the per-request timeout; HttpClient's own would surface as a different exception.
        http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>The database's Query API address, as messages name it (never with credentials).</summary>
    public string Endpoint { get; }

    /// <summary>The bookmarks of the latest answer that carried any; sent with every later implicit query.</summary>
    public IReadOnlyList<string> Bookmarks => Volatile.Read(ref bookmarks);

    /// <summary>Runs one statement in its own (implicit) transaction, retried as a whole when it fails transiently.</summary>
    public async Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        var body = Body(statement, parameters, Bookmarks);
        return await calls.ExecuteAsync(async token =>
        {
            var result = (await SendAsync(HttpMethod.Post, queryUri, body, affinity: null, token)).Result;
            Remember(result.Bookmarks);
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction and commits it; rolls it back when
    /// anything fails. A transient failure retries the whole transaction from the start.
    /// </summary>
    public async Task InTransactionAsync(Func<Neo4jTransaction, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await calls.ExecuteAsync(async token =>
        {
            await using var transaction = await BeginTransactionAsync(token);
            await work(transaction, token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    /// <summary>Opens an explicit transaction (<c>POST .../query/v2/tx</c>); not retried.</summary>
    public async Task<Neo4jTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, transactionsUri, body: null, affinity: null, cancellationToken);
        var id = answer.TransactionId ?? throw Neo4jErrors.UnexpectedResponse(Endpoint, "no transaction.id in the answer to opening a transaction");
        return new Neo4jTransaction(this, new Uri($"{transactionsUri}/{Uri.EscapeDataString(id)}"), id, answer.Affinity);
    }

    public void Dispose() => http.Dispose();

    internal void Remember(IReadOnlyList<string> latest)
    {
        if (latest.Count > 0) Volatile.Write(ref bookmarks, latest);
    }

    /// <summary>The request body; exactly the parameters the statement declares must be given.</summary>
    internal static ReadOnlyMemory<byte> Body(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters, IReadOnlyList<string> bookmarks)
    {
        ArgumentNullException.ThrowIfNull(statement);
        parameters ??= NoParameters;
        if (!statement.Parameters.SetEquals(parameters.Keys))
            throw new ArgumentException($"{statement.Name} declares parameters [{string.Join(", ", statement.Parameters.Order(StringComparer.Ordinal))}]; " +
                $"got [{string.Join(", ", parameters.Keys.Order(StringComparer.Ordinal))}].", nameof(parameters));
        return QueryRequestJson.Write(statement.Text, parameters, bookmarks);
    }

    /// <summary>One HTTP request through the circuit breaker and the per-request timeout.</summary>
    internal async Task<Neo4jResponse> SendAsync(HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, string? affinity, CancellationToken cancellationToken)
    {
        try
        {
            return await requests.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(method, uri);
                if (body is { } content)
                    request.Content = new ReadOnlyMemoryContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                if (affinity is not null) request.Headers.TryAddWithoutValidation(Neo4jResponse.AffinityHeader, affinity);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                    return await Neo4jResponse.ReadAsync(response, Endpoint, token);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    throw Neo4jErrors.ConnectionFailed(Endpoint, e);
                }
            }, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw Neo4jErrors.Timeout(Endpoint, e);
        }
        catch (BrokenCircuitException e)
        {
            throw Neo4jErrors.CircuitOpen(Endpoint, e);
        }
    }
}
