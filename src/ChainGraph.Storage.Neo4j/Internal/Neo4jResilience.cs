using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ChainGraph.Storage.Neo4j.Internal;

/// <summary>
/// Two Polly pipelines. Every HTTP request goes through a circuit breaker around a timeout, so a
/// request that hangs counts as a failure and, while Neo4j is down, requests fail at once instead
/// of each waiting for its own timeout. A whole call (one implicit query, or one transaction from
/// begin to commit) goes through the retry: a statement inside a transaction cannot be retried on
/// its own, because Neo4j rolls the transaction back when a statement fails. Delays, timeouts and
/// breaks run on the given clock, so tests can move it on instead of waiting.
/// </summary>
internal static class Neo4jResilience
{
    public static ResiliencePipeline Requests(Neo4jOptions options, TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // Half of at least five requests in 30 s failing with the server unavailable: more than a blip.
            FailureRatio = 0.5,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(Neo4jErrors.IsUnavailable(args.Outcome.Exception)),
        })
        .AddTimeout(options.RequestTimeout)
        .Build();

    public static ResiliencePipeline Calls(Neo4jOptions options, TimeProvider time) => options.MaxRetries == 0
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                // An open circuit already says "not now": retrying it would only delay the caller.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is GraphStoreException { IsTransient: true } e
                    && e.Code != Neo4jErrorCodes.CircuitOpen),
                DelayGenerator = args => ValueTask.FromResult(Neo4jErrors.RetryAfter(args.Outcome.Exception) is { } wait
                    ? TimeSpan.FromTicks(Math.Min(wait.Ticks, TimeSpan.FromSeconds(30).Ticks)) : (TimeSpan?)null),
            })
            .Build();
}
