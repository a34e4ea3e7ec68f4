using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChainGraph.Server.Tests;

/// <summary>POST /api/keys refuses what the key file must never hold, naming the field.</summary>
public sealed class KeyApiAttackTests(KeyedServerFixture server) : IClassFixture<KeyedServerFixture>
{
    async Task<(HttpStatusCode Status, JsonElement Problem)> MintAsync(object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(request) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Admin);
        var response = await server.Http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task KeyRole_OutsideTheEnum_IsRefused()
    {
        var (status, problem) = await MintAsync(new { name = "escalation", role = 99 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("99", problem.GetProperty("errors").GetProperty("role")[0].GetString());
        Assert.DoesNotContain("escalation", await File.ReadAllTextAsync(server.KeysPath));
    }

    [Theory]
    [InlineData("evil\u001b[2J")]
    [InlineData("admin\u202egpj.exe")]
    public async Task KeyName_WithControlCharacters_IsRefused(string name)
    {
        var (status, problem) = await MintAsync(new { name, role = "Reader" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("must be 1 to 100 printable characters", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }
}
