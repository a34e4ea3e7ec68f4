using System.Text.Json;
using Microsoft.Playwright;

namespace ChainGraph.Testing;

/// <summary>The web client driven as a user drives it, in Debian's chromium (Playwright downloads no browser): for the browser tests and the benchmarks.</summary>
public static class WebClient
{
    public const string Chromium = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A double click where the node is drawn, through the page's mouse events.</summary>
    public static async Task DoubleClickNodeAsync(IPage page, string id)
    {
        ArgumentNullException.ThrowIfNull(page);
        var position = await page.EvaluateAsync<JsonElement>("id => { const p = window.chaingraph.cy.getElementById(id).renderedPosition(); return { x: p.x, y: p.y }; }", id);
        var box = (await page.Locator("#cy").BoundingBoxAsync())!;
        await page.Mouse.DblClickAsync(box.X + position.GetProperty("x").GetSingle(), box.Y + position.GetProperty("y").GetSingle());
    }
}
