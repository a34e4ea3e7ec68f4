using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChainGraph.Testing;

/// <summary>
/// A SignalR client speaking the JSON hub protocol over a WebSocket: handshake, invocations
/// (type 1) with completions (type 3), and pushed invocations collected by target.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    const char RecordSeparator = '\u001e';
    readonly ClientWebSocket socket = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> pending = new();
    readonly ConcurrentQueue<(string Target, JsonArray Arguments, DateTime At)> received = new();
    readonly SemaphoreSlim sendGate = new(1, 1);
    readonly CancellationTokenSource stop = new();
    int nextId;
    Task? reader;

    /// <summary>Connects, with an API key as the hub's access token when the service needs one.</summary>
    public static async Task<HubClient> ConnectAsync(Uri baseAddress, string? apiKey = null)
    {
        var client = new HubClient();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/graph", Query = apiKey is null ? "" : "access_token=" + Uri.EscapeDataString(apiKey) }.Uri;
        await client.socket.ConnectAsync(uri, CancellationToken.None);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await client.ReceiveRecordsAsync(CancellationToken.None);
        if (handshake.Count == 0 || handshake[0] != "{}") throw new InvalidOperationException($"Handshake failed: {string.Join(' ', handshake)}");
        client.reader = Task.Run(client.ReadLoopAsync);
        return client;
    }

    /// <summary>Invokes a hub method and returns its result, or throws with the hub's error.</summary>
    public async Task<JsonNode?> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for the first pushed call of <paramref name="target"/> whose arguments match.</summary>
    public async Task<JsonArray> WaitForAsync(string target, Func<JsonArray, bool>? match = null, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (t, arguments, _) in received)
                if (t == target && (match?.Invoke(arguments) ?? true)) return arguments;
            await Task.Delay(5);
        }
        throw new TimeoutException($"No '{target}' arrived within {timeoutMs} ms.");
    }

    /// <summary>Forgets the pushes received so far (a long load run would otherwise keep them all).</summary>
    public void ClearReceived() => received.Clear();

    /// <summary>When the first matching push arrived, for latency measurements.</summary>
    public DateTime? ReceivedAt(string target, Func<JsonArray, bool> match) =>
        received.Where(r => r.Target == target && match(r.Arguments)).Select(r => (DateTime?)r.At).FirstOrDefault();

    async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendGate.Release();
        }
    }

    async Task ReadLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                foreach (var record in await ReceiveRecordsAsync(stop.Token)) Dispatch(JsonNode.Parse(record)!);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            foreach (var waiting in pending.Values) waiting.TrySetException(e);
        }
    }

    void Dispatch(JsonNode message)
    {
        switch ((int)message["type"]!)
        {
            case 1:
                received.Enqueue(((string)message["target"]!, message["arguments"]!.AsArray(), DateTime.UtcNow));
                break;
            case 3 when pending.TryRemove((string)message["invocationId"]!, out var completion):
                if (message["error"] is { } error) completion.SetException(new InvalidOperationException((string)error!));
                else completion.SetResult(message["result"]?.DeepClone());
                break;
        }
    }

    readonly StringBuilder buffer = new();

    async Task<List<string>> ReceiveRecordsAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[1 << 16];
        var records = new List<string>();
        while (records.Count == 0)
        {
            var result = await socket.ReceiveAsync(chunk, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("The hub closed the connection.");
            buffer.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
            if (!result.EndOfMessage) continue;
            var text = buffer.ToString();
            var last = text.LastIndexOf(RecordSeparator);
            if (last < 0) continue;
            records.AddRange(text[..last].Split(RecordSeparator));
            buffer.Clear().Append(text[(last + 1)..]);
        }
        return records;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may have closed first.
            }
        }
        if (reader is not null) await Task.WhenAny(reader, Task.Delay(1000));
        socket.Dispose();
        stop.Dispose();
        sendGate.Dispose();
    }
}
