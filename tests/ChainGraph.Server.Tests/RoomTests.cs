using System.Text.Json.Nodes;
using ChainGraph.Server.Hubs;
using ChainGraph.Testing;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Tests;

/// <summary>A room shares its whole state: view with analysis, expansions, selection, positions, pickers and members.</summary>
public sealed class RoomTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    static object LithiumInChangzhou(string room) => new { kind = "chain", chain = "lithium-battery", region = "常州", room };

    static string ViewId(JsonNode view) => (string)view["viewId"]!;

    static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    static string[] MemberNames(JsonNode? members) => [.. members!.AsArray().Select(m => (string)m!["name"]!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task JoinRoom_LateJoiner_GetsTheViewWithAnalysisExpansionsSelectionPositionsPickersAndMembers()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await host.InvokeAsync("JoinRoom", "late-joiner", "host");
        var view = (await host.InvokeAsync("OpenView", LithiumInChangzhou("late-joiner")))!;
        await host.InvokeAsync("Expand", ViewId(view), "碳酸锂");
        await host.InvokeAsync("Select", ViewId(view), "碳酸锂");
        await host.InvokeAsync("MoveNodes", ViewId(view), new Dictionary<string, object> { ["碳酸锂"] = new { x = 10.5, y = -20 } });
        await host.InvokeAsync("SetPickers", "late-joiner", new Dictionary<string, string> { ["tab"] = "gaps", ["sort"] = "score" });

        await using var guest = await SignalRClient.RecordingAsync(server.BaseAddress);
        var joined = (await guest.InvokeAsync("JoinRoom", "late-joiner", "guest"))!;

        var shared = joined["view"]!;
        Assert.Equal(ViewId(view), ViewId(shared));
        Assert.Equal("gaps", (string?)shared["analysis"]!["kind"]);
        Assert.Equal(["碳酸锂"], Strings(shared["expanded"]));
        Assert.Equal("碳酸锂", (string?)shared["selection"]);
        Assert.Equal((10.5, -20.0), ((double)shared["positions"]!["碳酸锂"]!["x"]!, (double)shared["positions"]!["碳酸锂"]!["y"]!));
        Assert.Equal("gaps", (string?)joined["pickers"]!["tab"]);
        Assert.Equal(["guest", "host"], MemberNames(joined["members"]));
    }

    [Fact]
    public async Task ExpandAndCollapse_InARoom_TellTheOtherMembersWhichNodesChangedState()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var guest = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await host.InvokeAsync("OpenView", LithiumInChangzhou("expansions")))!;
        await guest.InvokeAsync("JoinRoom", "expansions", "guest");

        var expanded = (await host.InvokeAsync("Expand", ViewId(view), "碳酸锂"))!;
        var pushedExpansion = await guest.WaitForAsync("ViewPatched", a => a[0]!["expanded"]!.AsArray().Count > 0);
        await host.InvokeAsync("Collapse", ViewId(view), "碳酸锂");
        var pushedCollapse = await guest.WaitForAsync("ViewPatched", a => a[0]!["collapsed"]!.AsArray().Count > 0);

        Assert.Equal(["碳酸锂"], Strings(expanded["expanded"]));
        Assert.Equal(["碳酸锂"], Strings(pushedExpansion[0]!["expanded"]));
        Assert.Equal(["碳酸锂"], Strings(pushedCollapse[0]!["collapsed"]));
        Assert.Empty(Strings((await guest.InvokeAsync("JoinRoom", "expansions", "guest"))!["view"]!["expanded"]));
    }

    [Fact]
    public async Task MoveNodes_ReachesTheOtherMembers_KeepingOnlyNodesTheViewShows()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var guest = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await host.InvokeAsync("OpenView", LithiumInChangzhou("positions")))!;
        await guest.InvokeAsync("JoinRoom", "positions", "guest");

        await host.InvokeAsync("MoveNodes", ViewId(view), new Dictionary<string, object> { ["碳酸锂"] = new { x = 1, y = 2 }, ["not-shown"] = new { x = 3, y = 4 } });

        var moved = await guest.WaitForAsync("NodesMoved", a => (string?)a[0] == ViewId(view));
        Assert.Equal(["碳酸锂"], moved[1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task SetPickers_ReachesTheOtherMembers()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var guest = await SignalRClient.RecordingAsync(server.BaseAddress);
        await host.InvokeAsync("JoinRoom", "pickers", "host");
        await guest.InvokeAsync("JoinRoom", "pickers", "guest");

        await host.InvokeAsync("SetPickers", "pickers", new Dictionary<string, string> { ["chain"] = "lithium-battery", ["region"] = "常州" });

        var pushed = await guest.WaitForAsync("PickersChanged");
        Assert.Equal("常州", (string?)pushed[0]!["region"]);
    }

    [Fact]
    public async Task MembersChanged_IsPushedWhenSomeoneJoinsAndWhenTheirConnectionCloses()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await host.InvokeAsync("JoinRoom", "members", "host");
        var guest = await SignalRClient.RecordingAsync(server.BaseAddress);

        await guest.InvokeAsync("JoinRoom", "members", "guest");
        var afterJoin = await host.WaitForAsync("MembersChanged", a => a[0]!.AsArray().Count == 2);
        host.ClearReceived();
        await guest.DisposeAsync();
        var afterLeave = await host.WaitForAsync("MembersChanged");

        Assert.Equal(["guest", "host"], MemberNames(afterJoin[0]));
        Assert.Equal(["host"], MemberNames(afterLeave[0]));
    }

    [Fact]
    public async Task SetPickers_BeyondTheBounds_IsAHubErrorNamingTheField()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        await client.InvokeAsync("JoinRoom", "bounded", "me");
        var tooMany = Enumerable.Range(0, 33).ToDictionary(i => $"p{i}", i => "v");
        var tooLong = new Dictionary<string, string> { ["region"] = new('x', 201) };

        var many = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetPickers", "bounded", tooMany));
        var longValue = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetPickers", "bounded", tooLong));
        var outsider = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetPickers", "elsewhere", new Dictionary<string, string>()));

        Assert.Contains("pickers: at most 32", many.Message);
        Assert.Contains("pickers.region", longValue.Message);
        Assert.Contains("not a member of this room", outsider.Message);
    }

    [Fact]
    public async Task MoveNodes_MoreThanTheCap_IsAHubErrorNamingPositions()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);
        var view = (await client.InvokeAsync("OpenView", new { kind = "chain", chain = "lithium-battery" }))!;
        var positions = Enumerable.Range(0, GraphHub.MaxPositions + 1).ToDictionary(i => $"n{i}", _ => (object)new { x = 0, y = 0 });

        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("MoveNodes", ViewId(view), positions));

        Assert.Contains("positions: at most 5,000", refused.Message);
    }

    [Fact]
    public async Task SetLanguage_Unknown_IsAHubErrorNamingLang()
    {
        await using var client = await SignalRClient.RecordingAsync(server.BaseAddress);

        await client.InvokeAsync("SetLanguage", "en");
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetLanguage", "fr"));

        Assert.Contains("lang: expected zh or en. Got: fr", refused.Message);
    }

    [Fact]
    public async Task Room_WithMembersOfBothLanguages_ReachesEachInItsLanguage()
    {
        await using var host = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var english = await SignalRClient.RecordingAsync(server.BaseAddress);
        await using var chinese = await SignalRClient.RecordingAsync(server.BaseAddress);
        await english.InvokeAsync("SetLanguage", "en");
        foreach (var (member, name) in new[] { (host, "host"), (english, "en"), (chinese, "zh") }) await member.InvokeAsync("JoinRoom", "bilingual", name);

        var view = (await host.InvokeAsync("OpenView", LithiumInChangzhou("bilingual")))!;

        foreach (var (member, why) in new[] { (english, "already trades with"), (chinese, "有供货往来") })
        {
            var opened = await member.WaitForAsync("ViewOpened", a => (string?)a[0]!["viewId"] == ViewId(view));
            Assert.Equal("gaps", (string?)opened[0]!["analysis"]!["kind"]);
            var reasons = opened[0]!["analysis"]!["report"]!["segments"]!.AsArray().SelectMany(s => s!["candidates"]!.AsArray()).Select(c => (string)c!["why"]!);
            Assert.Contains(reasons, r => r.Contains(why, StringComparison.Ordinal));
        }
    }
}
