using ChainGraph.Testing;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The web client on the ChainKnowledgeGraph data alone, which has no chain templates: its industries fill the
/// chain picker, and their chains open whole, with a region or without. Skipped, with the reason, where the data is absent.
/// </summary>
public sealed class ChainKgBrowserTests(ChainKgServerFixture server) : IClassFixture<ChainKgServerFixture>, IAsyncLifetime
{
    IPlaywright? playwright;
    IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (SharedData.ChainKg is null) return;
        playwright = await Playwright.CreateAsync();
        browser = await BrowserTests.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    [ChainKgFact]
    public async Task Picker_ListsTheDatasIndustriesBySector_AndTheBatteryChainFor江苏OpensWhole()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        var first = await page.InputValueAsync("#chain");

        await page.ClickAsync("#chain");
        var groups = await page.Locator("#chain-list li.group").AllTextContentsAsync();
        await ScreenshotAsync(page, "chainkg-picker.png");
        await page.FillAsync("#chain", "锂电池");
        var options = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#chain-list li.option')].map(li => li.dataset.id)");
        await page.FillAsync("#region", "江苏");
        await page.FillAsync("#chain", "SW630701");
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");
        await page.PressAsync("#chain", "Enter");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}'");
        await page.WaitForSelectorAsync("#table .status");
        var locals = await page.EvaluateAsync<int>("() => window.chaingraph.cy.nodes('.local').length");

        Assert.NotEqual("", first);
        Assert.Contains("新能源（战略性新兴产业）", groups);
        Assert.Contains("新一代信息技术（战略性新兴产业）", groups);
        Assert.Contains(groups, g => g.StartsWith("行业 · ", StringComparison.Ordinal));
        Assert.Contains("SW630701", options);
        Assert.StartsWith("锂电池 · 江苏", await page.TextContentAsync("#title"));
        Assert.True(locals > 0, "江苏's battery makers are shown");
        await ScreenshotAsync(page, "chainkg-battery-jiangsu.png");
        Assert.Empty(errors);
    }

    [ChainKgFact]
    public async Task EveryStrategicIndustryChain_OpensThroughTheHook_WithAndWithoutARegion()
    {
        var page = await browser!.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");

        // Opening every one through the page's hook: a chain view sending an edge without its end makes Cytoscape throw.
        var failed = await page.EvaluateAsync<string[]>("""
            async () => {
              const chains = await (await fetch('/api/chains')).json();
              const failed = [];
              for (const c of chains.filter(c => c.sector && c.level === 3))
                for (const region of [undefined, '江苏', '广东'])
                  if (!(await window.chaingraph.open({ kind: 'chain', chain: c.id, region }))) failed.push(`${c.id} ${region ?? ''}: ${document.querySelector('#message .text').textContent}`);
              return failed;
            }
            """);

        Assert.Empty(failed);
        Assert.Empty(errors);
    }

    [ChainKgFact]
    public async Task PageRank_OnTheRealData_OpensInChinese_WithoutAnError()
    {
        var page = await browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        var before = await page.EvaluateAsync<string>("() => document.body.dataset.view");

        await page.ClickAsync("#open-centrality");
        await page.WaitForFunctionAsync($"() => document.body.dataset.view !== '{before}' && !document.body.dataset.busy");

        Assert.Equal("PageRank 核心节点", await page.TextContentAsync("#title"));
        Assert.True(await page.EvaluateAsync<int>("() => window.chaingraph.cy.nodes().length") >= 60);
        Assert.True(await page.IsHiddenAsync("#message"));
        await ScreenshotAsync(page, "chainkg-pagerank.png");
        Assert.Empty(errors);
    }

    static Task ScreenshotAsync(IPage page, string name) => BrowserTests.ScreenshotAsync(page, name);
}
