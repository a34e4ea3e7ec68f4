using System.Net;
using System.Net.Http.Headers;
using ChainGraph.Server.Security;

namespace ChainGraph.Server.Tests;

/// <summary>Guessing keys, or hammering without one, is throttled per client address.</summary>
public sealed class WrongKeyAttackTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>
{
    async Task<HttpResponseMessage> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await server.Http.SendAsync(request);
    }

    [Fact]
    public async Task WrongKeys_AreRateLimitedPerAddress()
    {
        var (_, right) = server.NewKey();
        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimits.FailedAuthenticationsPerMinute + 3; i++) guesses.Add(await GetAsync("/api/stats", $"cg_guess{i}"));
        var rightGuess = await GetAsync("/api/stats", right);

        Assert.Equal(RateLimits.FailedAuthenticationsPerMinute, guesses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        var throttled = guesses.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightGuess.StatusCode);
    }

    [Fact]
    public async Task AnonymousRequests_AreRateLimitedPerAddress()
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < KeyedServerFixture.RequestsPerMinute + 3; i++) responses.Add(await GetAsync("/api/chains", null));

        Assert.Equal(KeyedServerFixture.RequestsPerMinute, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses.Last().StatusCode);
        Assert.True(responses.Last().Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
