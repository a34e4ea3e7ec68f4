namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>Clients and stores pointed at a local endpoint, with short delays so that retries are quick, or on a clock the test moves on.</summary>
static class TestClients
{
    public const string Password = "s3cret-Pa55word";

    public static Neo4jQueryClient Client(string url, int maxRetries = 3, TimeProvider? time = null) => new(Options(url) with { MaxRetries = maxRetries }, time);

    /// <summary>A store writing two rows per batch and not retrying, so each request is visible.</summary>
    public static Neo4jGraphStore Store(string url, TimeProvider? time = null) => new(Options(url) with { BatchSize = 2, MaxRetries = 0 }, time);

    public static Neo4jOptions Options(string url) => new()
    {
        Url = url, User = "neo4j", Password = Password,
        RetryDelay = TimeSpan.FromMilliseconds(1), RequestTimeout = TimeSpan.FromSeconds(10), BreakDuration = TimeSpan.FromSeconds(1),
    };
}
