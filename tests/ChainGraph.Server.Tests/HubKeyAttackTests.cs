using ChainGraph.Server.Hubs;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChainGraph.Server.Tests;

/// <summary>The hub under the REST rules: a revoked key loses its live connection and its calls, and hub calls spend the key's budget.</summary>
public sealed class HubKeyAttackTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>
{
    static readonly object WindPower = new { kind = "chain", chain = "wind-power" };

    [Fact]
    public async Task RevokedKey_HubConnectionIsClosed()
    {
        var (id, secret) = server.NewKey();
        await using var connection = await SignalRClient.ConnectAsync(server.BaseAddress, secret);
        await connection.InvokeAsync<object>("OpenView", WindPower);

        Assert.True(new ApiKeyStore(server.KeysPath).Revoke(id));

        Assert.True(await SignalRClient.EventuallyAsync(() => connection.State == HubConnectionState.Disconnected), "the revoked key's connection is still open");
    }

    [Fact]
    public async Task RevokedKey_HubCallsFail()
    {
        using var folder = new TempDirectory();
        var commandLine = new ApiKeyStore(folder.File("keys.json"));
        var key = commandLine.Add("analyst", Role.Reader).Key;
        await using var store = new SqliteGraphStore(folder.File("g.db"));
        await using var service = ServerHost.Build(store, "http://127.0.0.1:0", security: new SecurityOptions(commandLine.Path));
        var filter = service.Services.GetRequiredService<HubAccessFilter>();
        var call = Invocation(key.Id, Role.Reader);
        var reached = 0;
        ValueTask<object?> Next(HubInvocationContext _)
        {
            reached++;
            return ValueTask.FromResult<object?>(null);
        }

        await filter.InvokeMethodAsync(call, Next);
        commandLine.Revoke(key.Id);
        var error = await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(call, Next));

        Assert.Equal("API 密钥已被吊销。", error.Message);
        Assert.Equal(1, reached);
    }

    [Fact]
    public async Task Hub_ObeysThePerKeyRateLimit()
    {
        var (_, secret) = server.NewKey();
        await using var connection = await SignalRClient.ConnectAsync(server.BaseAddress, secret);
        var refusals = new List<string>();

        for (var i = 0; i < KeyedServerFixture.RequestsPerMinute + 4; i++)
        {
            try
            {
                await connection.InvokeAsync<object>("OpenView", WindPower);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e)
            {
                refusals.Add(e.Message);
            }
        }

        // The connection's own request drew on the same budget as the calls.
        Assert.Equal(5, refusals.Count);
        Assert.All(refusals, m => Assert.Matches(@"请求过于频繁：请在 \d+ 秒后重试", m));
    }

    internal static HubInvocationContext Invocation(string keyId, Role role) =>
        new(new FakeHubCaller(keyId, role), new EmptyServices(), new Idle(), typeof(Idle).GetMethod(nameof(Idle.Nothing))!, []);

    sealed class Idle : Hub
    {
        public void Nothing()
        {
        }
    }

    sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
