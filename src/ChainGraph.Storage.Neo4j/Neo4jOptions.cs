using System.Text.RegularExpressions;

namespace ChainGraph.Storage.Neo4j;

/// <summary>
/// Where Neo4j is and how to talk to it. <see cref="Validate"/> reports every problem at once;
/// the password appears in no message and not in <see cref="ToString"/>.
/// </summary>
public sealed partial record Neo4jOptions
{
    /// <summary>The server's HTTP address, e.g. <c>http://localhost:7474</c> (the Query API, not bolt://).</summary>
    public required string Url { get; init; }

    /// <value>Default <c>neo4j</c>.</value>
    public string User { get; init; } = "neo4j";

    public string Password { get; init; } = "";

    /// <value>Default <c>neo4j</c>.</value>
    public string Database { get; init; } = "neo4j";

    /// <summary>Rows per <c>UNWIND</c> batch when writing and per page when reading the whole graph.</summary>
    /// <value>Default 5,000.</value>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>How long to wait for a TCP connection; short, so that a server that is down is noticed quickly.</summary>
    /// <value>Default 5 s.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest one HTTP request (one attempt) may take.</summary>
    /// <value>Default 60 s.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts after the first when a call fails transiently (0 = none).</summary>
    /// <value>Default 4.</value>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off; each retry waits about twice as long as the one before, with jitter.</summary>
    /// <value>Default 200 ms.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long calls fail fast once Neo4j has been found unavailable, before one call tries again.</summary>
    /// <value>Default 15 s.</value>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Throws an <see cref="ArgumentException"/> naming every problem, or returns the options.</summary>
    public Neo4jOptions Validate()
    {
        var problems = Problems().ToList();
        return problems.Count == 0 ? this : throw new ArgumentException($"Invalid Neo4j options: {string.Join("; ", problems)}.");
    }

    /// <summary>The database's part of the Query API, e.g. http://localhost:7474/db/neo4j, also used in messages.</summary>
    internal string Endpoint => $"{Url.TrimEnd('/')}/db/{Uri.EscapeDataString(Database)}";

    public override string ToString() =>
        $"Neo4j {Redact(Url)} database {Database} as {User} (batch {BatchSize}, request timeout {RequestTimeout.TotalSeconds} s, {MaxRetries} retries)";

    IEnumerable<string> Problems()
    {
        if (UrlProblem() is { } url) yield return url;
        if (string.IsNullOrWhiteSpace(User)) yield return "User is empty (--neo4j-user or NEO4J_USER)";
        if (string.IsNullOrEmpty(Password)) yield return "Password is empty (--neo4j-password or NEO4J_PASSWORD)";
        if (!DatabaseName().IsMatch(Database ?? "")) yield return $"Database must be a Neo4j database name (letters, digits, '.', '-', '_'). Got: '{Database}'";
        if (BatchSize is < 1 or > 100_000) yield return $"BatchSize must be between 1 and 100000. Got: {BatchSize}";
        if (ConnectTimeout <= TimeSpan.Zero) yield return $"ConnectTimeout must be positive. Got: {ConnectTimeout}";
        // Polly's own limits: a timeout of at least 10 ms, a break of at least 0.5 s.
        if (RequestTimeout < TimeSpan.FromMilliseconds(10) || RequestTimeout > TimeSpan.FromDays(1))
            yield return $"RequestTimeout must be between 10 ms and 1 day. Got: {RequestTimeout}";
        if (MaxRetries is < 0 or > 100) yield return $"MaxRetries must be between 0 and 100. Got: {MaxRetries}";
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1)) yield return $"RetryDelay must be between 0 and 1 minute. Got: {RetryDelay}";
        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
            yield return $"BreakDuration must be between 0.5 s and 1 day. Got: {BreakDuration}";
    }

    string? UrlProblem()
    {
        if (string.IsNullOrWhiteSpace(Url)) return "Url is empty (--neo4j-url or NEO4J_URL, e.g. http://localhost:7474)";
        // A password typed into the address must not be echoed back.
        if (Url.Contains('@', StringComparison.Ordinal))
            return "Url must not carry credentials (user:password@host); give them as User and Password";
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri)) return $"Url must be an absolute HTTP address such as http://localhost:7474. Got: '{Url}'";
        if (uri.Scheme is "bolt" or "neo4j" or "bolt+s" or "neo4j+s" or "bolt+ssc" or "neo4j+ssc")
            return $"Url must be the HTTP address of the Query API (http://host:7474 or https://host:7473), not the driver protocol {uri.Scheme}://. Got: '{Url}'";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return $"Url must start with http:// or https://. Got: '{Url}'";
        return uri.Query.Length > 0 || uri.Fragment.Length > 0 ? $"Url must not have a query or fragment. Got: '{Url}'" : null;
    }

    static string Redact(string url) => url.Contains('@', StringComparison.Ordinal) ? "(an address with credentials)" : url;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]
    private static partial Regex DatabaseName();
}
