using ChainGraph.Testing;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>
/// The browser the web client's tests drive: Debian's chromium, headless, launched once per test class; Playwright
/// downloads no browser. A class that needs the real data skips the launch when the data is absent (<see cref="Launches"/>).
/// </summary>
public abstract class HeadlessChromium : IAsyncLifetime
{
    IPlaywright? playwright;
    IBrowser? browser;

    protected IBrowser Browser => browser ?? throw new InvalidOperationException("The browser was not launched (see Launches).");

    /// <summary>Whether the class needs the browser at all.</summary>
    protected virtual bool Launches => true;

    public async Task InitializeAsync()
    {
        if (!Launches) return;
        Assert.True(File.Exists(WebClient.Chromium), $"{WebClient.Chromium} is missing: install it with `apt-get install -y chromium` (.ci/run does).");
        playwright = await Playwright.CreateAsync();
        browser = await WebClient.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
