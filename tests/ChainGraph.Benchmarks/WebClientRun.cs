using System.Text.Json;
using ChainGraph.Analysis.Chains;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;
using ChainGraph.Server.Graph;
using ChainGraph.Server.Views;
using ChainGraph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChainGraph.Benchmarks;

/// <summary>
/// The web client's figures on ChainKnowledgeGraph in headless Chromium, five runs each: a focus view of about a given
/// size from OpenView to layout done; the largest chain as a chain map, beside dagre laying out the same elements; a
/// double click to its expansion drawn; a click on the map tab to the tile map drawn, its ranking fetched.
/// </summary>
internal static class WebClientRun
{
    public static async Task<string> RunAsync(int size)
    {
        await using var server = await ServiceRuns.BenchServer.StartAsync(demo: false);
        var snapshot = await server.App.Services.GetRequiredService<GraphService>().GetSnapshotAsync();
        var (focus, depth) = NearestFocus(snapshot, size);
        var chain = LargestChain(snapshot);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebClient.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(server.Address.ToString());
        await page.WaitForFunctionAsync("() => document.getElementById('connection').dataset.state === 'connected' && document.body.dataset.view");
        string[] lines =
        [
            $"focus {focus} depth {depth}: {await OpenFiveTimesAsync(page, new { kind = "focus", focus, depth })}",
            $"largest chain {chain}: {await OpenFiveTimesAsync(page, new { kind = "chain", chain })}; dagre on the same elements {await DagreAsync(page)}",
            $"{chain} with 广东's makers: {await OpenFiveTimesAsync(page, new { kind = "chain", chain, region = "广东" })}",
            $"double click to expansion drawn ({chain} · 广东, its makers): {await ExpandFiveTimesAsync(page, new { kind = "chain", chain, region = "广东" })}",
            $"map tab clicked to tile map drawn, ranking fetched: {await MapFiveTimesAsync(page)}",
        ];
        return Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>The focus view, two or three deep, whose size comes nearest <paramref name="size"/>, among the 400 best-connected nodes.</summary>
    static (string Focus, int Depth) NearestFocus(GraphSnapshot snapshot, int size)
    {
        var best = (Focus: "", Depth: 0, Elements: 0);
        var types = Enum.GetValues<RelType>();
        var hubs = Enumerable.Range(0, snapshot.NodeCount).OrderByDescending(n => types.Sum(t => snapshot.Out(t).Degree(n) + snapshot.In(t).Degree(n))).Take(400);
        foreach (var node in hubs)
            foreach (var depth in (int[])[2, 3])
            {
                var view = new ViewState("size", new ViewRequest("focus", Focus: snapshot.Ids[node], Depth: depth), owner: null);
                ViewBuilder.Open(snapshot, view, answer: null);
                if (Math.Abs(view.Elements.Count - size) < Math.Abs(best.Elements - size)) best = (snapshot.Ids[node], depth, view.Elements.Count);
            }
        return (best.Focus, best.Depth);
    }

    /// <summary>The chain (template or industry) whose view, without a region, holds the most elements.</summary>
    static string LargestChain(GraphSnapshot snapshot) => ChainSegments.Choices(snapshot).MaxBy(c =>
    {
        var view = new ViewState("size", new ViewRequest("chain", Chain: c.Id), owner: null);
        ViewBuilder.Open(snapshot, view, answer: null);
        return view.Elements.Count;
    })!.Id;

    /// <summary>Five openings of one view: the elements shown, and OpenView to layout done (median, and every run) in milliseconds.</summary>
    static async Task<string> OpenFiveTimesAsync(IPage page, object request)
    {
        var runs = new List<(double Total, double Layout, int Elements)>();
        for (var run = 0; run < 5; run++)
        {
            // Another view between runs, so each opening draws from an empty graph as a user's would.
            await page.EvaluateAsync("() => window.chaingraph.open({ kind: 'chokepoints', top: 5 })");
            var measured = await page.EvaluateAsync<JsonElement>("""
                async request => {
                  if (!(await window.chaingraph.open(request))) throw new Error(document.querySelector('#message .text').textContent);
                  const s = window.chaingraph.state;
                  return { total: s.openMs, layout: s.layoutDone, elements: window.chaingraph.cy.elements().length };
                }
                """, request);
            runs.Add((measured.GetProperty("total").GetDouble(), measured.GetProperty("layout").GetDouble(), measured.GetProperty("elements").GetInt32()));
        }
        var median = runs.OrderBy(r => r.Total).ElementAt(runs.Count / 2);
        return $"{median.Elements:N0} elements, OpenView to layout done median {median.Total:0} ms (layout {median.Layout:0} ms); runs {Runs(runs.Select(r => r.Total))}";
    }

    /// <summary>dagre (the layout chain views had before the chain map) run three times on the view shown.</summary>
    static async Task<string> DagreAsync(IPage page)
    {
        var times = await page.EvaluateAsync<double[]>("""
            () => [0, 1, 2].map(() => {
              const started = performance.now();
              window.chaingraph.cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 14, rankSep: 90, animate: false }).run();
              return performance.now() - started;
            })
            """);
        return $"median {times.Order().ElementAt(1):0} ms; runs {Runs(times)}";
    }

    /// <summary>Double clicks on five of a chain view's makers, each until its patch is drawn.</summary>
    static async Task<string> ExpandFiveTimesAsync(IPage page, object request)
    {
        await page.EvaluateAsync("request => window.chaingraph.open(request)", request);
        var nodes = await page.EvaluateAsync<string[]>("() => window.chaingraph.cy.nodes('.local').map(n => n.id()).slice(0, 5)");
        var times = new List<double>();
        foreach (var node in nodes)
        {
            await page.EvaluateAsync("() => { window.chaingraph.state.expandMs = 0; }");
            await WebClient.DoubleClickNodeAsync(page, node);
            await page.WaitForFunctionAsync("() => window.chaingraph.state.expandMs > 0");
            times.Add(await page.EvaluateAsync<double>("() => window.chaingraph.state.expandMs"));
        }
        return $"median {times.Order().ElementAt(times.Count / 2):0} ms; runs {Runs(times)}";
    }

    /// <summary>The map tab clicked for five chains in turn, so each draw fetches that chain's ranking by province first.</summary>
    static async Task<string> MapFiveTimesAsync(IPage page)
    {
        var times = await page.EvaluateAsync<double[]>("""
            async () => {
              const chains = (await (await fetch('/api/chains')).json()).filter(c => c.sector && c.level === 3).slice(0, 5);
              const times = [];
              for (const c of chains) {
                await window.chaingraph.open({ kind: 'chain', chain: c.id });
                document.querySelector('aside nav button[data-tab=table]').click();
                const s = window.chaingraph.state;
                s.mapDrawnMs = 0;
                const started = performance.now();
                document.querySelector('aside nav button[data-tab=map]').click();
                while (s.mapDrawnMs === 0) await new Promise(r => setTimeout(r, 1));
                times.push(performance.now() - started);
              }
              return times;
            }
            """);
        return $"median {times.Order().ElementAt(times.Length / 2):0} ms; runs {Runs(times)}";
    }

    static string Runs(IEnumerable<double> times) => string.Join(", ", times.Select(t => $"{t:0}"));
}
