using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ChainGraph.Storage.Neo4j.Tests;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 standing in for Neo4j's Query API: it answers each request
/// with the next scripted reply (<see cref="DocumentedAnswers"/>) and records what it received and
/// when, by the clock it is given (the client's, in tests that move a fake one on).
/// </summary>
sealed class FakeQueryApi : IDisposable
{
    readonly HttpListener listener = new();
    readonly ConcurrentQueue<ScriptedReply> replies = new();
    readonly ConcurrentQueue<ReceivedRequest> received = new();
    readonly CancellationTokenSource disposed = new();
    readonly TimeProvider time;

    public FakeQueryApi(int? port = null, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        Port = port ?? FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<ReceivedRequest> Requests => [.. received];

    /// <summary>A loopback port nothing listens on (for now).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public FakeQueryApi Reply(int status, string body, params (string Name, string Value)[] headers) =>
        ReplyAfter(TimeSpan.Zero, status, body, headers);

    public FakeQueryApi ReplyAfter(TimeSpan delay, int status, string body, params (string Name, string Value)[] headers)
    {
        replies.Enqueue(new ScriptedReply(delay, status, body, headers));
        return this;
    }

    public void Dispose()
    {
        disposed.Cancel();
        listener.Close();
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = context.Request;
        var at = time.GetUtcNow();
        received.Enqueue(new ReceivedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"],
            request.Headers["neo4j-cluster-affinity"], await reader.ReadToEndAsync(), at));
        var reply = replies.TryDequeue(out var next)
            ? next
            : new ScriptedReply(TimeSpan.Zero, 500, """{"errors":[{"code":"Test.NoScriptedReply","message":"the test scripted no reply for this request"}]}""", []);
        try
        {
            await Task.Delay(reply.Delay, time, disposed.Token);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers) context.Response.Headers.Add(name, value);
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client gave up waiting (a timeout test) or the test ended.
        }
    }

    sealed record ScriptedReply(TimeSpan Delay, int Status, string Body, (string Name, string Value)[] Headers);
}

/// <summary>What the endpoint received, and when.</summary>
sealed record ReceivedRequest(string Method, string Path, string? Authorization, string? Affinity, string Body, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
