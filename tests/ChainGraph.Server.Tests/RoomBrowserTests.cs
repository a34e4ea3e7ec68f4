using System.Text.Json;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>A room shares the whole view (hub contract): table, selection, moved nodes and members reach every page, and a late joiner sees it as it is.</summary>
public sealed class RoomBrowserTests(ServerFixture server) : HeadlessChromium, IClassFixture<ServerFixture>
{
    const string Ready = "() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view";

    async Task<IPage> JoinAsync(string room)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{server.BaseAddress}?room={room}");
        await page.WaitForFunctionAsync(Ready);
        return page;
    }

    [Fact]
    public async Task Room_ATableASelectionAndAMovedNode_ReachTheOtherPage_AndALateJoinerSeesTheViewAsItIs()
    {
        var room = $"work-{Guid.NewGuid():N}";
        var host = await JoinAsync(room);
        await host.FillAsync("#region", "常州");
        await host.PressAsync("#region", "Enter");
        await host.WaitForSelectorAsync("#table tr.group .status.missing");
        var view = await host.EvaluateAsync<string>("() => window.chaingraph.state.viewId");
        var guest = await JoinAsync(room);
        await guest.WaitForFunctionAsync($"() => window.chaingraph.state.viewId === '{view}' && window.chaingraph.state.table.name === '补链缺口'");

        await BrowserTests.ClickNodeAsync(host, "碳酸锂");
        await guest.WaitForFunctionAsync("() => window.chaingraph.state.selection === '碳酸锂' && window.chaingraph.cy.getElementById('碳酸锂').selected()");
        var p = await host.EvaluateAsync<JsonElement>("() => { const p = window.chaingraph.cy.getElementById('碳酸锂').renderedPosition(); return { x: p.x, y: p.y }; }");
        var box = (await host.Locator("#cy").BoundingBoxAsync())!;
        var (x, y) = (box.X + p.GetProperty("x").GetSingle(), box.Y + p.GetProperty("y").GetSingle());
        await host.Mouse.MoveAsync(x, y);
        await host.Mouse.DownAsync();
        await host.Mouse.MoveAsync(x + 60, y + 40, new MouseMoveOptions { Steps = 6 });
        await host.Mouse.UpAsync();
        var moved = await host.EvaluateAsync<JsonElement>("() => window.chaingraph.cy.getElementById('碳酸锂').position()");
        var at = $"Math.abs(window.chaingraph.cy.getElementById('碳酸锂').position().x - {moved.GetProperty("x").GetDouble()}) < 1";
        await guest.WaitForFunctionAsync($"() => {at}");
        var late = await JoinAsync(room);
        await late.WaitForFunctionAsync($"() => window.chaingraph.state.viewId === '{view}' && window.chaingraph.state.table.name === '补链缺口' && window.chaingraph.state.selection === '碳酸锂' && {at}");
        await host.WaitForFunctionAsync("() => window.chaingraph.state.members.length === 3");
        await BrowserTests.ScreenshotAsync(late, "room-late-joiner.png");

        Assert.Equal(await host.EvaluateAsync<int>("() => window.chaingraph.state.table.rows.length"), await late.EvaluateAsync<int>("() => window.chaingraph.state.table.rows.length"));
        Assert.Contains("3", await host.TextContentAsync("#members"));
    }
}
