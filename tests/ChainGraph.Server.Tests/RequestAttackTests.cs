using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChainGraph.Server.Security;

namespace ChainGraph.Server.Tests;

/// <summary>The service under a small upload limit, for the attacks that send too much, too slowly or malformed.</summary>
public sealed class SmallUploadServerFixture : ServerFixture
{
    public const long MaxImportBytes = 4 << 20;

    protected override SecurityOptions Security => new(Path.Combine(Folder, "keys.json"), MaxImportBytes: MaxImportBytes);
}

/// <summary>Requests built to hurt: formulas for spreadsheets, junk imports, bad bytes, huge or slow bodies, awkward ids.</summary>
public sealed class RequestAttackTests(SmallUploadServerFixture server) : IClassFixture<SmallUploadServerFixture>
{
    HttpClient Http => server.Http;

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AFormulaInAnEnterpriseName_IsNeutralisedInTheCsvOfAnAnalysis()
    {
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点击\")";
        (await Http.PutAsJsonAsync("/api/nodes?id=attack:formula", new { label = "Enterprise", properties = new { name = formula, province = "广东省", capacity = 999 } })).EnsureSuccessStatusCode();
        (await Http.PutAsJsonAsync("/api/relationships", new { type = "MAKES", start = "attack:formula", end = "湿法隔膜" })).EnsureSuccessStatusCode();

        var csv = Encoding.UTF8.GetString(await Http.GetByteArrayAsync("/api/analyses/gaps?chain=lithium-battery&region=" + Uri.EscapeDataString("常州") + "&candidates=50&format=csv"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\"", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.DoesNotContain(",\"=", csv);
    }

    [Fact]
    public async Task AnImportOfJunkLines_AnswersWithABoundedList_AndCountsEveryRejection()
    {
        var junk = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"not json {i} {new string('x', 30)}\n"));

        var response = await Http.PostAsync("/api/import?format=jsonl", new StringContent(junk, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var summary = JsonDocument.Parse(body);
        Assert.Equal(40_000, summary.RootElement.GetProperty("rejectedTotal").GetInt32());
        Assert.Equal(100, summary.RootElement.GetProperty("rejected").GetArrayLength());
        Assert.True(body.Length < junk.Length / 20, $"the answer is {body.Length:N0} characters for an upload of {junk.Length:N0}");
    }

    [Fact]
    public async Task AnImportPastTheRejectRatio_IsRefusedWhole()
    {
        var lines = """
            {"type":"node","id":"attack:ratio-good","labels":["Product"],"properties":{"name":"好"}}
            junk
            more junk
            """;

        var response = await Http.PostAsync("/api/import?format=jsonl&maxRejectRatio=0.5", new StringContent(lines, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nothing was imported", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/nodes?id=attack:ratio-good")).StatusCode);
    }

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "invalid UTF-8", [.. "{\"label\":\"Product\",\"properties\":{\"name\":\""u8, 0xFF, 0xFE, .. "\"}}"u8] },
        { "a lone surrogate", """{"label":"Product","properties":{"name":"\ud800"}}"""u8.ToArray() },
        { "a lone surrogate in a key", """{"label":"Product","properties":{"\udc00":"x"}}"""u8.ToArray() },
        { "invalid UTF-8 in the label", [.. "{\"label\":\""u8, 0xC3, .. "\"}"u8] },
        { "not JSON", "{lab"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task ABodyThatIsNotValidJsonText_IsA400(string what, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await Http.PutAsync("/api/nodes?id=attack:bytes", content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task AWriteWithoutALabel_IsA400ThatNamesTheField_WithoutDotNetText()
    {
        var response = await Http.PutAsync("/api/nodes?id=attack:nolabel", Json("{}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"label\"", body);
        Assert.DoesNotContain("Parameter '", body);
        Assert.DoesNotContain("Value cannot be null", body);
    }

    [Fact]
    public async Task AnUploadPastTheLimit_IsA413()
    {
        var answer = await SendRawImportAsync(contentLength: SmallUploadServerFixture.MaxImportBytes + 1, body: "");

        Assert.StartsWith("HTTP/1.1 413", answer);
    }

    /// <summary>Kestrel's body rate rule (240 B/s after a 5 s grace) is on its own clock: this test waits it out.</summary>
    [Fact]
    public async Task ABodyThatStopsArriving_IsA408()
    {
        var answer = await SendRawImportAsync(contentLength: 100_000, body: "{\"type\":");

        Assert.StartsWith("HTTP/1.1 408", answer);
    }

    /// <summary>
    /// An import whose head promises <paramref name="contentLength"/> bytes and whose body is only
    /// <paramref name="body"/>, on a socket of its own (HttpClient would not send it); the answer's first bytes.
    /// </summary>
    async Task<string> SendRawImportAsync(long contentLength, string body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = client.GetStream();
        var head = $"POST /api/import?format=jsonl HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\n{AccessMode.TokenHeader}: {server.WriteToken}\r\n"
            + $"Content-Type: text/plain\r\nContent-Length: {contentLength}\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        var answer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = await stream.ReadAsync(answer, timeout.Token);
        return Encoding.ASCII.GetString(answer, 0, read);
    }

    [Fact]
    public async Task AnIdWithASlash_CanBeWrittenReadAndDeletedThroughTheIdParameter()
    {
        var id = Uri.EscapeDataString("LED路灯/室内灯");

        var put = await Http.PutAsJsonAsync($"/api/nodes?id={id}", new { label = "Product", properties = new { name = "LED路灯/室内灯" } });
        var get = await Http.GetFromJsonAsync<JsonElement>($"/api/nodes?id={id}");
        var delete = await Http.DeleteAsync($"/api/nodes?id={id}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("LED路灯/室内灯", get.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task UploadFoldersLeftByAKilledService_AreRemovedAtTheNextStart()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var abandoned = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"chaingraph-import-{gone.Id}-test"));
        var live = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"chaingraph-import-{Environment.ProcessId}-test"));
        try
        {
            var next = new ServerFixture();
            await next.InitializeAsync();
            await next.DisposeAsync();

            Assert.False(abandoned.Exists && Directory.Exists(abandoned.FullName));
            Assert.True(Directory.Exists(live.FullName));
        }
        finally
        {
            if (Directory.Exists(abandoned.FullName)) abandoned.Delete();
            live.Delete();
        }
    }
}
