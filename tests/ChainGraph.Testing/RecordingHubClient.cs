using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChainGraph.Testing;

/// <summary>
/// The real SignalR client on the graph hub, answering in JSON nodes for assertions and recording
/// every call the hub pushes (each method of the client interface), so a test can wait for one.
/// </summary>
public sealed class RecordingHubClient : IAsyncDisposable
{
    static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    readonly HubConnection connection;
    readonly List<Push> received = [];
    readonly List<Waiter> waiting = [];

    RecordingHubClient(HubConnection connection) => this.connection = connection;

    /// <summary>Connects and records the pushes of every method of <typeparamref name="TClient"/>, the hub's client interface.</summary>
    public static async Task<RecordingHubClient> ConnectAsync<TClient>(Uri baseAddress, string? apiKey = null)
    {
        var client = new RecordingHubClient(GraphHubConnection.Create(baseAddress, apiKey));
        foreach (var method in typeof(TClient).GetMethods())
        {
            var target = method.Name;
            var parameters = Array.ConvertAll(method.GetParameters(), _ => typeof(JsonElement));
            client.connection.On(target, parameters, arguments =>
            {
                client.Record(target, new JsonArray([.. arguments.Select(a => ToNode((JsonElement)a!))]));
                return Task.CompletedTask;
            });
        }
        await client.connection.StartAsync();
        return client;
    }

    /// <summary>Invokes a hub method and returns its result; a hub error is a <see cref="Microsoft.AspNetCore.SignalR.HubException"/>.</summary>
    public async Task<JsonNode?> InvokeAsync(string target, params object?[] arguments)
    {
        var result = await connection.InvokeCoreAsync(target, typeof(JsonElement), arguments).WaitAsync(InvokeTimeout);
        return result is JsonElement element ? ToNode(element) : null;
    }

    /// <summary>The first push of <paramref name="target"/> whose arguments match, waiting up to <paramref name="timeoutMs"/> for it.</summary>
    public async Task<JsonArray> WaitForAsync(string target, Func<JsonArray, bool>? match = null, int timeoutMs = 10_000)
    {
        var waiter = new Waiter(target, match ?? (_ => true));
        lock (received)
        {
            if (received.Find(waiter.Matches) is { } push) return push.Arguments;
            waiting.Add(waiter);
        }
        try
        {
            return await waiter.Arrived.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No '{target}' arrived within {timeoutMs} ms.");
        }
        finally
        {
            lock (received) waiting.Remove(waiter);
        }
    }

    /// <summary>Forgets the pushes received so far (a long load run would otherwise keep them all).</summary>
    public void ClearReceived()
    {
        lock (received) received.Clear();
    }

    /// <summary>When the first matching push arrived, for latency measurements.</summary>
    public DateTime? ReceivedAt(string target, Func<JsonArray, bool> match)
    {
        lock (received) return received.Find(p => p.Target == target && match(p.Arguments))?.At;
    }

    void Record(string target, JsonArray arguments)
    {
        var push = new Push(target, arguments, DateTime.UtcNow);
        lock (received)
        {
            received.Add(push);
            foreach (var waiter in waiting.Where(w => w.Matches(push))) waiter.Arrived.TrySetResult(arguments);
        }
    }

    static JsonNode? ToNode(JsonElement element) => JsonNode.Parse(element.GetRawText());

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    sealed record Push(string Target, JsonArray Arguments, DateTime At);

    sealed record Waiter(string Target, Func<JsonArray, bool> Match)
    {
        public TaskCompletionSource<JsonArray> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(Push push) => push.Target == Target && Match(push.Arguments);
    }
}
