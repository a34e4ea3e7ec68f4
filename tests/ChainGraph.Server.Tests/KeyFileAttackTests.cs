using ChainGraph.Model.Requests;
using ChainGraph.Server.Security;
using ChainGraph.Storage.Sqlite;
using ChainGraph.Testing;

namespace ChainGraph.Server.Tests;

/// <summary>The key file against lost updates, leaks and damage: several stores (as the service and the command line are) on one file.</summary>
public sealed class KeyFileAttackTests : IDisposable
{
    readonly TempDirectory folder = new();

    string KeysPath => folder.File("keys.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task KeyFile_ConcurrentAddsFromTheServiceDoNotUndoARevocation()
    {
        var revoked = Enumerable.Range(0, 10).Select(i => new ApiKeyStore(KeysPath).Add($"doomed {i}", Role.Admin).Key.Id).ToList();
        var service = new ApiKeyStore(KeysPath);
        var commandLine = new ApiKeyStore(KeysPath);

        var adds = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++) service.Add($"service {i}", Role.Reader);
        });
        var revokes = Task.Run(() =>
        {
            foreach (var id in revoked) Assert.True(commandLine.Revoke(id));
        });
        await Task.WhenAll(adds, revokes);

        var keys = new ApiKeyStore(KeysPath).List();
        Assert.Equal(60, keys.Count);
        Assert.All(keys.Where(k => revoked.Contains(k.Id)), k => Assert.False(k.IsActive));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void KeyId_DoesNotRevealTheSecret()
    {
        var store = new ApiKeyStore(KeysPath);

        var keys = Enumerable.Range(0, 20).Select(i => store.Add($"k{i}", Role.Reader)).ToList();

        Assert.All(keys, k => Assert.DoesNotContain(k.Key.Id, k.Secret, StringComparison.OrdinalIgnoreCase));
        Assert.All(keys, k => Assert.InRange(k.Key.Id.Length, 8, 10));
        Assert.Equal(keys.Count, keys.Select(k => k.Key.Id).Distinct().Count());
    }

    [Fact]
    public void KeyFile_IsCreatedOwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return; // Windows files carry ACLs, not a mode.
        File.WriteAllText(KeysPath, "[]");
        File.SetUnixFileMode(KeysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        new ApiKeyStore(KeysPath).Add("analyst", Role.Reader);
        new ApiKeyStore(folder.File("new/keys.json")).Add("analyst", Role.Reader);

        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(KeysPath));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(folder.File("new/keys.json")));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(KeysPath + ".lock"));
    }

    [Fact]
    public void KeyRole_OutsideTheEnum_IsRefused()
    {
        var error = Assert.Throws<InvalidRequestException>(() => new ApiKeyStore(KeysPath).Add("analyst", (Role)99));

        Assert.Equal("role", Assert.Single(error.Errors).Field);
        Assert.Contains("99", error.Message);
        Assert.False(File.Exists(KeysPath));
    }

    [Theory]
    [InlineData("evil\u001b[2J")]
    [InlineData("line\nbreak")]
    [InlineData("admin\u202egpj.exe")]
    [InlineData("isolate\u2066x")]
    [InlineData("para\u2029graph")]
    public void KeyName_WithControlCharacters_IsRefused(string name)
    {
        var error = Assert.Throws<InvalidRequestException>(() => new ApiKeyStore(KeysPath).Add(name, Role.Reader));

        var field = Assert.Single(error.Errors);
        Assert.Equal("name", field.Field);
        Assert.Equal(name, field.Value);
        Assert.DoesNotContain(field.Message, c => char.IsControl(c) || c is '\u202e' or '\u2066' or '\u2029');
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void KeyName_Blank_IsRefused(string name)
    {
        var error = Assert.Throws<InvalidRequestException>(() => new ApiKeyStore(KeysPath).Add(name, Role.Reader));

        Assert.Equal("name", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void KeyName_IsTrimmedAndMayBeAHundredCharacters()
    {
        var store = new ApiKeyStore(KeysPath);

        var key = store.Add("  分析师 analyst  ", Role.Reader).Key;

        Assert.Equal("分析师 analyst", key.Name);
        Assert.Throws<InvalidRequestException>(() => store.Add(new string('x', 101), Role.Reader));
        Assert.Equal(100, store.Add(new string('x', 100), Role.Reader).Key.Name.Length);
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",\n  \"name\": }]", "line 2")]
    [InlineData("{}", "")]
    [InlineData("[{\"id\":\"a\",\"name\":\"x\",\"role\":99,\"sha256\":\"00\"}]", "key 1")]
    public async Task CorruptKeyFile_IsAClearErrorNotAStackTrace(string content, string where)
    {
        File.WriteAllText(KeysPath, content);
        await using var store = new SqliteGraphStore(folder.File("g.db"));

        var listed = Assert.Throws<InvalidDataException>(() => new ApiKeyStore(KeysPath).List());
        var started = Assert.Throws<InvalidDataException>(() => ServerHost.Build(store, "http://127.0.0.1:0", security: new SecurityOptions(KeysPath)));

        foreach (var error in new[] { listed, started })
        {
            Assert.StartsWith(KeysPath, error.Message);
            Assert.Contains(where, error.Message);
            Assert.DoesNotContain("   at ", error.Message);
        }
    }

    [Fact]
    public void CorruptKeyFile_WhileServing_KeepsTheLastGoodKeys()
    {
        var store = new ApiKeyStore(KeysPath);
        var (key, secret) = store.Add("analyst", Role.Reader);
        Assert.Equal(key.Id, store.Find(secret)?.Id);

        File.WriteAllText(KeysPath, "[{ half a file");

        Assert.Equal(key.Id, store.Find(secret)?.Id);
        Assert.Contains(KeysPath, store.ReadError?.Message);
        Assert.Throws<InvalidDataException>(() => store.Add("another", Role.Reader));
        Assert.Equal("[{ half a file", File.ReadAllText(KeysPath));
    }

    [Fact]
    public void CorruptKeyFile_WhileServingOpen_DoesNotLeaveTheServiceOpen()
    {
        var store = new ApiKeyStore(KeysPath);
        Assert.False(store.HasActiveKeys);

        File.WriteAllText(KeysPath, "not json");

        Assert.True(store.HasActiveKeys);
        Assert.Null(store.Find("cg_anything"));
    }
}
