using System.Net;
using System.Threading.RateLimiting;

namespace ChainGraph.Server.Security;

/// <summary>
/// One fixed window a minute per partition, shared by REST and the hub so a key's requests and hub calls draw on one
/// budget: <c>key:ID</c> per key and <c>ip:ADDRESS</c> for callers without one (<see cref="SecurityOptions.RequestsPerMinute"/>
/// each), and <c>fail:ADDRESS</c> for wrong keys, smaller so that guessing keys is slow. Open mode is not limited.
/// </summary>
public sealed class RateLimits : IDisposable
{
    public const int FailedAuthenticationsPerMinute = 30;
    public const string OpenMode = "open";
    const string FailurePrefix = "fail:";
    readonly PartitionedRateLimiter<string> limiter;

    public RateLimits(int requestsPerMinute) => limiter = PartitionedRateLimiter.Create<string, string>(partition => partition == OpenMode
        ? RateLimitPartition.GetNoLimiter(partition)
        : RateLimitPartition.GetFixedWindowLimiter(partition, p => new FixedWindowRateLimiterOptions
        {
            PermitLimit = p.StartsWith(FailurePrefix, StringComparison.Ordinal) ? FailedAuthenticationsPerMinute : requestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public static string ForKey(string id) => "key:" + id;

    public static string ForAddress(IPAddress? address) => "ip:" + address;

    public static string ForFailures(IPAddress? address) => FailurePrefix + address;

    /// <summary>Takes permits from a partition's window; zero permits only asks whether any are left.</summary>
    public RateLimitLease Acquire(string partition, int permits = 1) => limiter.AttemptAcquire(partition, permits);

    /// <summary>The same budgets for the REST rate limiter, which names each request's partition.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests(Func<HttpContext, string> partition) => limiter.WithTranslatedKey(partition, leaveOpen: true);

    /// <summary>Whole seconds until a refused lease's window opens again, at least one.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    public void Dispose() => limiter.Dispose();
}
