using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainGraph.Server.Views;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>Saved views over REST: validated, listed newest first, kept in a file that outlives the service, writable by editors only.</summary>
public sealed class SavedViewsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    static object Lithium(string name) => new
    {
        name,
        request = new { kind = "chain", chain = "lithium-battery", region = "常州", weakBelow = 1 },
        pickers = new Dictionary<string, string> { ["tab"] = "gaps" },
    };

    async Task<JsonNode> SaveAsync(object body)
    {
        var response = await server.Http.PostAsJsonAsync("/api/views", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task SavedView_RoundTrips_AndIsListedNewestFirst()
    {
        var first = await SaveAsync(Lithium("常州锂电"));
        var second = await SaveAsync(Lithium("second"));

        var fetched = JsonNode.Parse(await server.Http.GetStringAsync($"/api/views/{(string?)first["id"]}"))!;
        var listed = JsonNode.Parse(await server.Http.GetStringAsync("/api/views"))!.AsArray().Select(v => (string?)v!["id"]).ToList();

        Assert.True(JsonNode.DeepEquals(first, fetched));
        Assert.Equal("常州锂电", (string?)fetched["name"]);
        Assert.Equal(1, (int)fetched["request"]!["weakBelow"]!);
        Assert.Equal("gaps", (string?)fetched["pickers"]!["tab"]);
        Assert.True(listed.IndexOf((string?)second["id"]) < listed.IndexOf((string?)first["id"]));
    }

    [Fact]
    public async Task SavedView_Invalid_IsAValidationProblemNamingEachField()
    {
        var response = await server.Http.PostAsJsonAsync("/api/views", new
        {
            name = new string('n', 101),
            request = new { kind = "chain", top = 0 },
            pickers = new Dictionary<string, string> { ["region"] = new('x', 201) },
        });

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name", "pickers.region", "request.top"], errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SavedView_WithoutANameOrRequest_IsAValidationProblemNamingThem()
    {
        var response = await server.Http.PostAsJsonAsync("/api/views", new { name = " " });

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name", "request"], errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SavedView_UnknownId_IsNotFound()
    {
        var response = await server.Http.GetAsync("/api/views/no-such-view");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-view", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SavedViews_SurviveARestart()
    {
        using var folder = new TempDirectory();
        var saved = await new SavedViewStore(folder.File("graph.views.json")).AddAsync(new SaveViewRequest("kept", new ViewRequest("rank", Chain: "lithium-battery")));

        var reopened = new SavedViewStore(folder.File("graph.views.json"));

        Assert.Equal(saved, reopened.Get(saved!.Id), new SavedViewComparer());
        Assert.Single(reopened.List());
    }

    [Fact]
    public async Task SavedViews_AreBoundedInNumber()
    {
        using var folder = new TempDirectory();
        var store = new SavedViewStore(folder.File("views.json"), capacity: 3);
        for (var i = 0; i < 3; i++) Assert.NotNull(await store.AddAsync(new SaveViewRequest($"v{i}", new ViewRequest("centrality"))));

        Assert.Null(await store.AddAsync(new SaveViewRequest("one too many", new ViewRequest("centrality"))));
        Assert.Equal(3, new SavedViewStore(folder.File("views.json")).List().Count);
    }

    [Fact]
    public async Task SavedViews_AreInTheOpenApiDocument()
    {
        var paths = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        Assert.NotNull(paths["/api/views"]!["post"]!["responses"]!["201"]);
        Assert.NotNull(paths["/api/views/{id}"]!["get"]!["responses"]!["404"]);
    }

    /// <summary>Records holding dictionaries compare them by reference; a saved view read back holds a new one.</summary>
    sealed class SavedViewComparer : IEqualityComparer<SavedView?>
    {
        public bool Equals(SavedView? x, SavedView? y) => x is not null && y is not null && (x with { Pickers = y.Pickers }) == y
            && x.Pickers.OrderBy(p => p.Key).SequenceEqual(y.Pickers.OrderBy(p => p.Key));

        public int GetHashCode(SavedView? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}

/// <summary>Saving a view is a write: a reader key may list and read saved views, not save one.</summary>
public sealed class SavedViewsAccessTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await server.Http.SendAsync(request);
    }

    [Fact]
    public async Task ReaderKey_ListsSavedViews_ButCannotSaveOne_AndAnEditorCan()
    {
        static JsonContent View() => JsonContent.Create(new { name = "team", request = new { kind = "centrality" } });

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/api/views", server.Reader, View())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/api/views", server.Editor, View())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/views", server.Reader)).StatusCode);
    }
}
