using System.Text;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>A write that changes the analysis a page shows changes its graph and its table, with no reload.</summary>
public sealed class LiveViewBrowserTests(LiveViewBrowserTests.Fixture server) : HeadlessChromium, IClassFixture<LiveViewBrowserTests.Fixture>
{
    /// <summary>Its own service: the test writes.</summary>
    public sealed class Fixture : ServerFixture;

    [Fact]
    public async Task NewLocalMakerOfLithiumCarbonate_TurnsTheOpenGapViewsLithiumSaltsFromMissingToWeak_InGraphAndTable()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        Assert.True(await page.EvaluateAsync<bool>("() => window.chaingraph.open({ kind: 'chain', chain: 'lithium-battery', region: '常州' })"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#table tr')].some(r => r.textContent.includes('锂盐') && r.textContent.includes('0/12'))");

        var lines = """
            {"type":"node","id":"test:changzhou-lithium","labels":["Enterprise"],"properties":{"name":"常州锂业","country":"CN","province":"江苏省","city":"常州市"}}
            {"type":"relationship","label":"MAKES","start":{"id":"test:changzhou-lithium","labels":["Enterprise"]},"end":{"id":"碳酸锂","labels":["Product"]}}
            """;
        (await server.Http.PostAsync("/api/import?format=jsonl", new StringContent(lines, Encoding.UTF8))).EnsureSuccessStatusCode();

        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#table tr')].some(r => r.textContent.includes('锂盐') && r.textContent.includes('1/13') && r.textContent.includes('薄弱'))");
        Assert.True(await page.EvaluateAsync<bool>("() => window.chaingraph.cy.nodes('.status-weak').some(n => n.data('name') === '锂盐')"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.chaingraph.cy.getElementById('test:changzhou-lithium').nonempty()"));
    }
}
