using ChainGraph.Model.Requests;
using ChainGraph.Server.Hubs;
using ChainGraph.Server.Security;
using ChainGraph.Storage;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ChainGraph.Server.Tests;

/// <summary>
/// What a hub call's failure tells the page: SignalR sends a client only a HubException's message, so the failures a
/// user can act on (a bad parameter, something the graph does not hold, a store that is down) go as one, in REST's words.
/// </summary>
public sealed class HubErrorTests : IAsyncLifetime
{
    readonly TempDirectory folder = new();
    SqliteGraphStore? store;
    WebApplication? service;
    string keyId = "";

    public async Task InitializeAsync()
    {
        var keys = new ApiKeyStore(folder.File("keys.json"));
        keyId = keys.Add("analyst", Role.Reader).Key.Id;
        store = new SqliteGraphStore(folder.File("g.db"));
        service = ServerHost.Build(store, "http://127.0.0.1:0", security: new SecurityOptions(keys.Path));
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (service is not null) await service.DisposeAsync();
        if (store is not null) await store.DisposeAsync();
        folder.Dispose();
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "not found", "No chain or industry with id or name 'x'." },
        { "invalid", "depth: must be between 1 and 3. Got: 9" },
        { "store down", "图数据库暂不可用（database is locked）；请几秒后重试。" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailureTheUserCanActOn_IsAHubErrorCarryingItsMessage(string failure, string message)
    {
        var filter = service!.Services.GetRequiredService<HubAccessFilter>();
        Exception thrown = failure switch
        {
            "not found" => new NotFoundException("chain", "x", "No chain or industry with id or name 'x'."),
            "invalid" => new InvalidRequestException("depth", "9", "must be between 1 and 3. Got: 9"),
            _ => new GraphStoreException("database is locked", "busy", isTransient: true),
        };

        var error = await Assert.ThrowsAsync<HubException>(async () =>
            await filter.InvokeMethodAsync(HubKeyAttackTests.Invocation(keyId, Role.Reader), _ => throw thrown));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherFailure_StaysAnUnexpectedError()
    {
        var filter = service!.Services.GetRequiredService<HubAccessFilter>();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeMethodAsync(HubKeyAttackTests.Invocation(keyId, Role.Reader), _ => throw new InvalidOperationException("internal detail")));
    }
}
