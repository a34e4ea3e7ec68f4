using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The web client in headless Chromium (Debian's chromium package, driven by Playwright): load the
/// demo, open the lithium-battery chain for 常州, see the gaps highlighted, click to expand, and
/// receive a patch pushed by a write made through the API. Leaves a screenshot in
/// TestResults/browser/ next to the test binaries.
/// </summary>
public sealed class BrowserTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";
    IPlaywright? playwright;
    IBrowser? browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install it with `apt-get install -y chromium` (.ci/run does).");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    [Fact]
    public async Task Page_OpensTheLithiumChainForChangzhou_HighlightsGaps_ExpandsOnClick_AndShowsAPushedWrite()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");

        await page.FillAsync("#region", "常州");
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");
        await page.ClickAsync("#open-chain");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view && document.body.dataset.view !== '{before}'");
        await page.WaitForSelectorAsync("#table .status.missing");

        var missing = await page.EvaluateAsync<string[]>("() => window.chaingraph.cy.nodes('.status-missing').map(n => n.id())");
        Assert.Contains("lithium-battery:separator", missing);
        var colour = await page.EvaluateAsync<string>("() => window.chaingraph.cy.getElementById('lithium-battery:separator').style('background-color')");
        Assert.Equal("rgb(214,39,40)", colour.Replace(" ", "", StringComparison.Ordinal));

        var count = await page.EvaluateAsync<int>("() => window.chaingraph.cy.elements().length");
        await ClickNodeAsync(page, "湿法隔膜");
        await page.WaitForFunctionAsync($"() => window.chaingraph.cy.elements().length > {count}");
        await page.WaitForSelectorAsync("#details h3");

        var patches = await page.EvaluateAsync<int>("() => window.chaingraph.state.patches");
        await server.Http.PutAsJsonAsync($"/api/nodes/{Uri.EscapeDataString("湿法隔膜")}", new { label = "Product", properties = new { name = "湿法隔膜（已更新）" } });
        await page.WaitForFunctionAsync($"() => window.chaingraph.state.patches > {patches} && window.chaingraph.cy.getElementById('湿法隔膜').data('name') === '湿法隔膜（已更新）'");

        await ScreenshotAsync(page, "lithium-battery-changzhou.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task PathTool_BetweenTwoClickedNodes_AndCommunityColouring()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");

        foreach (var id in new[] { "碳酸锂", "动力电池" }) await ClickNodeAsync(page, id);
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");
        await page.ClickAsync("#open-path");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}'");
        var title = await page.TextContentAsync("#title");
        var ids = await page.EvaluateAsync<string[]>("() => window.chaingraph.cy.nodes().map(n => n.id())");
        await page.ClickAsync("#colour-communities");
        await page.WaitForFunctionAsync("() => window.chaingraph.cy.nodes('.by-community').length > 0");

        Assert.Equal("碳酸锂 → 动力电池", title);
        Assert.Contains("碳酸锂", ids);
        Assert.Contains("动力电池", ids);
        await ScreenshotAsync(page, "path-communities.png");
    }

    [Fact]
    public async Task Page_RunsUnderItsStrictPolicy_AndItsCsvButtonNeutralisesFormulas()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{message.Location}: {message.Text}");
        };
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        await page.EvaluateAsync("""() => { window.chaingraph.state.table = { header: ['name', 'share'], rows: [['=HYPERLINK("http://evil.example")', '-3.5'], ['@SUM(A1)', '+1']] }; }""");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",-3.5", csv);
        Assert.Contains("'@SUM(A1),+1", csv);
        Assert.True(await page.EvaluateAsync<int>("() => document.querySelectorAll('#legend i').length") > 0);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Room_MemberWhoseConnectionDrops_ResumesTheRoomsView_WithoutResettingTheOthers()
    {
        var room = $"{server.BaseAddress}?room=resume-{Guid.NewGuid():N}";
        var host = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        await host.GotoAsync(room);
        await host.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        var view = await host.EvaluateAsync<string>("() => document.body.dataset.view");
        var guest = await browser.NewPageAsync();
        // Keeps the page's WebSockets, so the test can drop the hub's as a lost network would.
        await guest.AddInitScriptAsync("""
            window.sockets = [];
            window.WebSocket = class extends WebSocket { constructor(...args) { super(...args); window.sockets.push(this); } };
            """);
        await guest.GotoAsync(room);
        await guest.WaitForFunctionAsync($"() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view === '{view}'");

        await guest.EvaluateAsync("() => { delete document.body.dataset.view; window.sockets.at(-1).close(4000, 'dropped by the test'); }");
        await guest.WaitForFunctionAsync("() => window.sockets.length === 2 && document.body.dataset.view");

        Assert.Equal(view, await guest.EvaluateAsync<string>("() => document.body.dataset.view"));
        // The guest is back in the room on the same view: the host's expansion reaches it.
        var count = await guest.EvaluateAsync<int>("() => window.chaingraph.cy.elements().length");
        await ClickNodeAsync(host, "碳酸锂");
        await guest.WaitForFunctionAsync($"() => window.chaingraph.cy.elements().length > {count}");
        Assert.Equal(view, await host.EvaluateAsync<string>("() => document.body.dataset.view"));
    }

    static async Task ClickNodeAsync(IPage page, string id)
    {
        var position = await page.EvaluateAsync<JsonElement>($"() => {{ const p = window.chaingraph.cy.getElementById('{id}').renderedPosition(); return {{ x: p.x, y: p.y }}; }}");
        var box = (await page.Locator("#cy").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + position.GetProperty("x").GetSingle(), box.Y + position.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync($"() => window.chaingraph.state.tapped.includes('{id}')");
    }

    static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "browser"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, name) });
    }
}
