using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChainGraph.Server.Tests;

/// <summary>The open (loopback, keyless) service never hands out keys: anything on the machine could ask.</summary>
public sealed class KeyMintingAttackTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task OpenMode_RefusesToMintKeys()
    {
        var mint = await server.Http.PostAsJsonAsync("/api/keys", new { name = "intruder", role = "Admin" });
        var list = await server.Http.GetAsync("/api/keys");
        var revoke = await server.Http.DeleteAsync("/api/keys/anything");

        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        var problem = await mint.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("chaingraph keys add --name NAME --role Admin", problem.GetProperty("detail").GetString());
    }
}
