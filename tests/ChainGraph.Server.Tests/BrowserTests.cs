using System.Net.Http.Json;
using System.Text.Json;
using ChainGraph.Testing;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The web client in headless Chromium (Debian's chromium package, driven by Playwright): load the
/// demo, open the lithium-battery chain for 常州, see the gaps highlighted, click to expand, and
/// receive a patch pushed by a write made through the API. Leaves a screenshot in
/// TestResults/browser/ next to the test binaries.
/// </summary>
public sealed class BrowserTests(ServerFixture server) : HeadlessChromium, IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Page_OpensTheLithiumChainForChangzhou_HighlightsGaps_ExpandsOnClick_AndShowsAPushedWrite()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
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
        await page.WaitForSelectorAsync("#details h3");
        Assert.Equal(count, await page.EvaluateAsync<int>("() => window.chaingraph.cy.elements().length"));
        await WebClient.DoubleClickNodeAsync(page, "湿法隔膜");
        await page.WaitForFunctionAsync($"() => window.chaingraph.cy.elements().length > {count}");

        var patches = await page.EvaluateAsync<int>("() => window.chaingraph.state.patches");
        await server.Http.PutAsJsonAsync($"/api/nodes/{Uri.EscapeDataString("湿法隔膜")}", new { label = "Product", properties = new { name = "湿法隔膜（已更新）" } });
        await page.WaitForFunctionAsync($"() => window.chaingraph.state.patches > {patches} && window.chaingraph.cy.getElementById('湿法隔膜').data('name') === '湿法隔膜（已更新）'");

        await ScreenshotAsync(page, "lithium-battery-changzhou.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task PathTool_BetweenTwoClickedNodes_AndCommunityColouring()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
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
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{message.Location}: {message.Text}");
        };
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        await page.EvaluateAsync("""() => { window.chaingraph.state.table = { header: ['name', 'share'], rows: [['=HYPERLINK("http://evil.example")', '-3.5'], ['@SUM(A1)', '+1']] }; }""");

        await page.ClickAsync("#export-menu summary");
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
        var host = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        await host.GotoAsync(room);
        await host.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        var view = await host.EvaluateAsync<string>("() => document.body.dataset.view");
        var guest = await Browser.NewPageAsync();
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
        await WebClient.DoubleClickNodeAsync(host, "碳酸锂");
        await guest.WaitForFunctionAsync($"() => window.chaingraph.cy.elements().length > {count}");
        Assert.Equal(view, await host.EvaluateAsync<string>("() => document.body.dataset.view"));
    }

    [Fact]
    public async Task ChainPicker_OffersIndustriesGroupedBySector_AndAnIndustryChainForARegion_IsDrawnWhole()
    {
        await DemoIndustries.ImportAsync(server.Http);
        var (page, errors) = await OpenAsync();
        await page.FillAsync("#region", "江苏");

        await page.FillAsync("#chain", "630801");
        var groups = await page.Locator("#chain-list li.group").AllTextContentsAsync();
        var options = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#chain-list li.option')].map(li => li.dataset.id)");
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");
        await page.PressAsync("#chain", "Enter");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}'");
        var shown = await page.EvaluateAsync<string[]>("() => window.chaingraph.cy.elements().map(e => e.id())");

        Assert.Equal(["新能源（战略性新兴产业）"], groups);
        Assert.Equal([DemoIndustries.Grid], options);
        Assert.Equal("输变电设备 · 江苏省", await page.TextContentAsync("#title"));
        Assert.Contains("300390", shown);
        Assert.Contains("ent:easpring-jiangsu", shown);
        Assert.Contains(shown, id => id.StartsWith("IN_INDUSTRY:300390->", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>($"() => window.chaingraph.cy.getElementById('{DemoIndustries.Grid}').is('.segment.midstream.status-strong')"),
            "the industry stands as a midstream segment, strong in 江苏");
        await ScreenshotAsync(page, "industry-chain-jiangsu.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ChainPicker_ANameTypedInFull_IsTheChoice_WithoutPickingItFromTheList()
    {
        var (page, errors) = await OpenAsync();
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");

        await page.FillAsync("#chain", "光伏");
        await page.ClickAsync("#open-chain");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}'");

        Assert.Equal("光伏", await page.TextContentAsync("#title"));
        Assert.Equal("photovoltaics", await page.EvaluateAsync<string>("() => window.chaingraph.state.chain"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Page_SpeaksChineseByDefault_InACjkFont_AndEnglishAfterTheSwitch_WhichItKeeps()
    {
        var (page, errors) = await OpenAsync();
        await page.FillAsync("#region", "常州");
        await page.PressAsync("#region", "Enter");
        await page.WaitForSelectorAsync("#table .status.missing");

        Assert.Equal("打开产业链", await page.TextContentAsync("#open-chain"));
        Assert.Equal("已连接", await page.TextContentAsync("#connection"));
        Assert.Equal("缺失", await page.TextContentAsync("#table .status.missing"));
        Assert.Equal(["候选企业", "股票代码", "省份", "城市", "标签", "得分", "理由"], await page.Locator("#table th").AllTextContentsAsync());
        Assert.Equal(["环节", "状态", "本地/全国", "候选企业", "股票代码", "省份", "城市", "标签", "得分", "理由"], await page.EvaluateAsync<string[]>("() => window.chaingraph.state.table.header"));
        Assert.Contains("本地区缺失", await page.TextContentAsync("#legend"));
        Assert.StartsWith("\"Noto Sans CJK SC\"", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('14px \"Noto Sans CJK SC\"', '缺失')"), "the CJK font is installed (fonts-noto-cjk)");
        await ScreenshotAsync(page, "gaps-changzhou-zh.png");

        await page.ClickAsync("#lang");
        Assert.Equal("Open chain", await page.TextContentAsync("#open-chain"));
        Assert.Equal("missing", await page.TextContentAsync("#table .status.missing"));
        Assert.Equal("candidate", await page.TextContentAsync("#table th"));
        Assert.Contains("lang=en", page.Url, StringComparison.Ordinal);
        await ScreenshotAsync(page, "gaps-changzhou-en.png");

        // Kept for the next visit (localStorage); the address wins over it.
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync(Ready);
        Assert.Equal("Chokepoints", await page.TextContentAsync("#open-chokepoints"));
        await page.GotoAsync($"{server.BaseAddress}?lang=zh");
        await page.WaitForFunctionAsync(Ready);
        Assert.Equal("卡脖子", await page.TextContentAsync("#open-chokepoints"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SlowAnswer_ShowsASpinner_AndAFailure_IsTheServicesMessageInThePage_NeverAnAlert()
    {
        var (page, errors) = await OpenAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var release = new TaskCompletionSource();
        // The map's answer (always over REST) is held until the test has seen the spinner: slow without depending on time.
        await page.RouteAsync("**/api/analyses/rank**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.ClickAsync("aside nav button[data-tab=map]");
        await page.WaitForSelectorAsync("#busy:not([hidden])");
        var spinner = await page.TextContentAsync("#busy .text");
        await ScreenshotAsync(page, "spinner.png");
        release.SetResult();
        await page.WaitForSelectorAsync("#busy", new PageWaitForSelectorOptions { State = WaitForSelectorState.Hidden });
        await page.WaitForSelectorAsync("#map svg.tiles");
        var opened = await page.EvaluateAsync<bool>("() => window.chaingraph.open({ kind: 'chain', chain: 'no-such-chain' })");
        var message = await page.TextContentAsync("#message .text");

        Assert.Equal("正在加载地图…", spinner);
        Assert.False(opened);
        Assert.Equal("没有编号或名称为「no-such-chain」的产业链或行业。", message);
        Assert.Empty(dialogs);
        await ScreenshotAsync(page, "error-message.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Enter_InTheSearchBox_OpensTheFirstHit()
    {
        var (page, errors) = await OpenAsync();
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");

        await page.FillAsync("#search", "碳酸锂");
        await page.PressAsync("#search", "Enter");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}'");

        Assert.Equal("碳酸锂", await page.TextContentAsync("#title"));
        Assert.Equal("focus", await page.EvaluateAsync<string>("() => window.chaingraph.state.request.kind"));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Header_FitsOneRowAt1366PixelsWide(string lang)
    {
        var (page, _) = await OpenAsync(width: 1366, height: 768, query: $"?lang={lang}");

        // One row: every control's middle at the same height, give or take a few pixels.
        var middles = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('header > *:not(datalist):not([hidden])')].map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })");
        var right = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('header > *')].map(e => e.getBoundingClientRect().right))");

        Assert.True(middles.Max() - middles.Min() < 4, $"controls' middles at {string.Join(", ", middles)}");
        Assert.True(right <= 1366, $"the header reaches {right} px");
        await ScreenshotAsync(page, $"header-1366-{lang}.png");
    }

    [Fact]
    public async Task Hook_OpensAView_AndExposesTheGraphAndTheState()
    {
        var (page, errors) = await OpenAsync();

        var opened = await page.EvaluateAsync<bool>("() => window.chaingraph.open({ kind: 'chain', chain: 'photovoltaics' })");
        var viewId = await page.EvaluateAsync<string>("() => window.chaingraph.state.viewId");
        var segments = await page.EvaluateAsync<int>("() => window.chaingraph.cy.nodes('.segment').length");

        Assert.True(opened);
        Assert.Equal(await page.EvaluateAsync<string>("() => document.body.dataset.view"), viewId);
        Assert.Equal("photovoltaics", await page.EvaluateAsync<string>("() => window.chaingraph.state.request.chain"));
        Assert.True(segments > 3, $"{segments} segments");
        Assert.Equal("zh", await page.EvaluateAsync<string>("() => window.chaingraph.state.lang"));
        Assert.Empty(errors);
    }

    const string Ready = "() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view";

    async Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1400, int height = 850, string query = "")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.BaseAddress + query);
        await page.WaitForFunctionAsync(Ready);
        return (page, errors);
    }

    internal static async Task ClickNodeAsync(IPage page, string id)
    {
        var position = await page.EvaluateAsync<JsonElement>($"() => {{ const p = window.chaingraph.cy.getElementById('{id}').renderedPosition(); return {{ x: p.x, y: p.y }}; }}");
        var box = (await page.Locator("#cy").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + position.GetProperty("x").GetSingle(), box.Y + position.GetProperty("y").GetSingle());
        await page.WaitForFunctionAsync($"() => window.chaingraph.state.tapped.includes('{id}')");
    }

    /// <summary>Double-clicks a node: what expands it (a click selects).</summary>
    /// <summary>Saves a screenshot in TestResults/browser/ next to the test binaries, and in /tmp/web-shots/ to look at.</summary>
    internal static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "browser"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder.FullName, name) });
        File.Copy(Path.Combine(folder.FullName, name), Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "web-shots")).FullName, name), overwrite: true);
    }
}
