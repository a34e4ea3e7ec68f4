using ChainGraph.Server.Security;
using Microsoft.Playwright;

namespace ChainGraph.Server.Tests;

/// <summary>The service with an editor key, as a team runs it: saving views needs one (open mode refuses a page's writes).</summary>
public sealed class EditorKeyServerFixture : ServerFixture
{
    readonly Lazy<SecurityOptions> security;

    public EditorKeyServerFixture() => security = new(() =>
    {
        var options = new SecurityOptions(Path.Combine(Folder, "editor-keys.json"), 100_000);
        Editor = new ApiKeyStore(options.KeysPath).Add("editor", Role.Editor).Secret;
        return options;
    });

    public string Editor { get; private set; } = "";

    protected override SecurityOptions Security => security.Value;
}

/// <summary>Saved views in the page: 保存视图 asks a name in the page, the list opens one, /?view=id opens it on load.</summary>
public sealed class SavedViewsBrowserTests(EditorKeyServerFixture server) : HeadlessChromium, IClassFixture<EditorKeyServerFixture>
{
    const string Ready = "() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view";

    async Task<(IPage Page, List<string> Errors)> OpenAsync(string query = "")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            errors.Add($"a browser dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.AddInitScriptAsync($"sessionStorage.setItem('chaingraph-key', '{server.Editor}')");
        await page.GotoAsync(server.BaseAddress + query);
        await page.WaitForFunctionAsync(Ready);
        return (page, errors);
    }

    [Fact]
    public async Task SaveView_AsksANameInThePage_TheListOpensIt_AndItsAddressOpensItOnLoad()
    {
        var (page, errors) = await OpenAsync();
        await page.FillAsync("#region", "常州");
        await page.PressAsync("#region", "Enter");
        await page.WaitForSelectorAsync("#table tr.group .status.missing");

        await page.ClickAsync("#views-menu summary");
        await page.ClickAsync("#save-view");
        await page.WaitForSelectorAsync("dialog#ask[open]");
        await page.FillAsync("dialog#ask input", "常州锂电 招商");
        await page.PressAsync("dialog#ask input", "Enter");
        await page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('view')");
        var id = await page.EvaluateAsync<string>("() => new URLSearchParams(location.search).get('view')");
        Assert.True(await page.EvaluateAsync<bool>("() => window.chaingraph.open({ kind: 'chokepoints', top: 20 })"));
        await page.ClickAsync("#views-menu summary");
        await page.ClickAsync($"#views-list li[data-id='{id}']");
        await page.WaitForFunctionAsync("() => window.chaingraph.state.request.kind === 'chain' && window.chaingraph.state.table.name === '补链缺口'");
        var (fresh, freshErrors) = await OpenAsync($"?view={id}");
        await fresh.WaitForFunctionAsync("() => window.chaingraph.state.request.region === '常州' && window.chaingraph.state.table.name === '补链缺口'");

        Assert.Equal("锂电池 · 常州市", await fresh.TextContentAsync("#title"));
        Assert.Empty(errors);
        Assert.Empty(freshErrors);
    }
}
