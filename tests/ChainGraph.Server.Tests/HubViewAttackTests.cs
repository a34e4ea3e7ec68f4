using System.Text.Json;
using ChainGraph.Server.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChainGraph.Server.Tests;

/// <summary>Views and rooms are bounded, freed with their users, and only their users can touch them.</summary>
public sealed class HubViewAttackTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    static object Chain(string? room = null) => new { kind = "chain", chain = "wind-power", room };

    static async Task<string> OpenAsync(HubConnection connection, object request) =>
        (await connection.InvokeAsync<JsonElement>("OpenView", request)).GetProperty("viewId").GetString()!;

    static async Task<string?> LatestInRoomAsync(HubConnection connection, string room) =>
        (await connection.InvokeAsync<JsonElement>("JoinRoom", room, "member")).GetProperty("view") is { ValueKind: JsonValueKind.Object } view
            ? view.GetProperty("viewId").GetString()
            : null;

    /// <summary>What a newcomer finds in a room, asked on a connection of its own that leaves at once.</summary>
    async Task<string?> WhatANewcomerFindsAsync(string room)
    {
        await using var newcomer = await SignalRClient.ConnectAsync(server.BaseAddress);
        return await LatestInRoomAsync(newcomer, room);
    }

    [Fact]
    public async Task Hub_CapsViewsPerConnection()
    {
        await using var connection = await SignalRClient.ConnectAsync(server.BaseAddress);
        var opened = new List<string>();
        for (var i = 0; i < ViewRegistry.ViewsPerConnection; i++) opened.Add(await OpenAsync(connection, Chain()));

        var refused = await Assert.ThrowsAsync<HubException>(() => OpenAsync(connection, Chain()));
        await connection.InvokeAsync("CloseView", opened[0]);
        var afterClosing = await OpenAsync(connection, Chain());

        Assert.Contains($"{ViewRegistry.ViewsPerConnection} views open", refused.Message);
        Assert.DoesNotContain(afterClosing, opened);
    }

    [Fact]
    public async Task Hub_CapsViewsPerRoom()
    {
        var members = new List<HubConnection>();
        try
        {
            string? last = null;
            for (var i = 0; i < ViewRegistry.ViewsPerRoom; i++)
            {
                if (i % ViewRegistry.ViewsPerConnection == 0) members.Add(await SignalRClient.ConnectAsync(server.BaseAddress));
                last = await OpenAsync(members[^1], Chain("crowded"));
            }

            var refused = await Assert.ThrowsAsync<HubException>(() => OpenAsync(members[^1], Chain("crowded")));

            Assert.Contains($"{ViewRegistry.ViewsPerRoom} views open", refused.Message);
            Assert.Equal(last, await WhatANewcomerFindsAsync("crowded"));
        }
        finally
        {
            foreach (var member in members) await member.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hub_RoomViewsAreFreedWhenTheLastMemberLeaves()
    {
        var host = await SignalRClient.ConnectAsync(server.BaseAddress);
        var guest = await SignalRClient.ConnectAsync(server.BaseAddress);
        var viewId = await OpenAsync(host, Chain("short-lived"));
        await LatestInRoomAsync(guest, "short-lived");

        await host.DisposeAsync();
        Assert.Equal(viewId, await WhatANewcomerFindsAsync("short-lived"));
        await guest.DisposeAsync();

        Assert.True(await SignalRClient.EventuallyAsync(async () => await WhatANewcomerFindsAsync("short-lived") is null), $"view {viewId} outlived its room");
    }

    [Fact]
    public async Task Hub_JoinRoomGetsTheLatestView()
    {
        await using var host = await SignalRClient.ConnectAsync(server.BaseAddress);
        await using var guest = await SignalRClient.ConnectAsync(server.BaseAddress);
        var opened = new List<string>();
        for (var i = 0; i < 15; i++) opened.Add(await OpenAsync(host, Chain("busy")));

        Assert.Equal(opened[^1], await LatestInRoomAsync(guest, "busy"));
    }

    [Fact]
    public async Task Hub_FailedOpenLeavesNoView()
    {
        await using var connection = await SignalRClient.ConnectAsync(server.BaseAddress);

        await Assert.ThrowsAsync<HubException>(() => OpenAsync(connection, new { kind = "chain", chain = "no-such-chain", room = "failed" }));

        Assert.Null(await LatestInRoomAsync(connection, "failed"));
    }

    [Theory]
    [InlineData("Expand")]
    [InlineData("Collapse")]
    [InlineData("Select")]
    [InlineData("Communities")]
    [InlineData("MoveNodes")]
    public async Task Hub_OutsiderCannotExpandARoomView(string method)
    {
        await using var host = await SignalRClient.ConnectAsync(server.BaseAddress);
        await using var outsider = await SignalRClient.ConnectAsync(server.BaseAddress);
        var opened = await host.InvokeAsync<JsonElement>("OpenView", Chain("members-only"));
        var roomView = opened.GetProperty("viewId").GetString()!;
        var privateView = await OpenAsync(host, Chain());
        var node = opened.GetProperty("elements").EnumerateArray().First(e => e.GetProperty("group").GetString() == "nodes").GetProperty("data").GetProperty("id").GetString();
        object?[] Arguments(string view) => method switch
        {
            "Communities" => [view],
            "MoveNodes" => [view, new Dictionary<string, object> { [node!] = new { x = 1, y = 1 } }],
            _ => [view, node],
        };

        foreach (var view in new[] { roomView, privateView })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeCoreAsync<object>(method, Arguments(view)));
            Assert.EndsWith("not a member of this view", refused.Message);
        }
        await LatestInRoomAsync(outsider, "members-only");
        await outsider.InvokeCoreAsync<object>(method, Arguments(roomView));
    }
}
