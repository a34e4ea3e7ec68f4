using System.Text.RegularExpressions;
using ChainGraph.Testing;

namespace ChainGraph.Cli.Tests;

/// <summary>The README's command list and the command's own help say the same thing, so neither can drift.</summary>
public sealed partial class HelpAndReadmeTests
{
    static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));

    [Fact]
    public void EveryVerbInTheHelp_IsInTheReadmesCommandList_WithTheSameDescription()
    {
        var section = Readme[Readme.IndexOf("## Commands", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = VerbRow().Matches(section).ToDictionary(m => m.Groups["verb"].Value, m => m.Groups["description"].Value.Trim());

        var help = CliApp.Verbs().ToDictionary(v => v.Verb, v => v.Description);

        Assert.Equal(help.Keys.Order(), documented.Keys.Order());
        foreach (var (verb, description) in help) Assert.True(documented[verb] == description, $"{verb}: help says '{description}', the README '{documented[verb]}'");
    }

    [Fact]
    public void EveryOptionOfEveryVerb_IsNamedInTheReadme()
    {
        var undocumented = CliApp.Verbs().SelectMany(v => v.Options.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o != "--help")
            .Where(o => !Regex.IsMatch(Readme, Regex.Escape(o) + @"(?![\w-])")).Select(o => $"{v.Verb} {o}")).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void EveryEnvironmentVariableTheCommandReads_IsInTheReadme()
    {
        foreach (var variable in new[] { "CHAINGRAPH_DB", "CHAINGRAPH_KEYS", "NEO4J_URL", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE" })
            Assert.Contains(variable, Readme);
    }

    [GeneratedRegex(@"^\| `(?<verb>[a-z][a-z -]*)` \| (?<description>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex VerbRow();
}
