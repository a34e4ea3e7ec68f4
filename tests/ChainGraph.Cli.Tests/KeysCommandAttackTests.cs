using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary><c>chaingraph keys</c> refuses what the key file must never hold, and says why without a stack trace.</summary>
public sealed class KeysCommandAttackTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task KeyRole_OutsideTheEnum_IsRefused()
    {
        var keys = folder.File("keys.json");

        var (code, _, error) = await CliRunner.RunAsync("keys", "add", "--name", "analyst", "--role", "99", "--keys", keys);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--role", error);
        Assert.False(File.Exists(keys));
    }

    [Fact]
    public async Task KeyName_WithControlCharacters_IsRefused()
    {
        var (code, _, error) = await CliRunner.RunAsync("keys", "add", "--name", "ok\u001b]0;pwned\u0007", "--role", "Reader", "--keys", folder.File("keys.json"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--name", error);
        Assert.DoesNotContain('\u001b', error);
    }

    [Fact]
    public async Task CorruptKeyFile_IsAClearErrorNotAStackTrace()
    {
        var keys = folder.Write("keys.json", "[{\"id\": ");

        var (code, _, error) = await CliRunner.RunAsync("keys", "list", "--keys", keys);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(keys, error);
        Assert.DoesNotContain("   at ", error);
    }
}
