using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainGraph.Model;
using ChainGraph.Model.Import;
using Xunit.Abstractions;

namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>Helpers shared by the fuzz tests: running a reader as the importer does, and writing rows.</summary>
public static class Fuzz
{
    /// <summary>What every fuzz test must reach per format, counting only the lines of mutated rows.</summary>
    public const int RequiredMutatedLines = 100_000;

    /// <summary>
    /// Reads and resolves as <c>chaingraph import</c> does, against a store holding <paramref name="stored"/>
    /// (empty by default); any exception fails the test, naming the case.
    /// </summary>
    public static ImportPlan Read(IGraphReader reader, string path, string what, IReadOnlyDictionary<string, NodeLabel>? stored = null)
    {
        var batch = new GraphBatch();
        var error = Record.Exception(() => reader.Read(path, batch));
        if (error is not null) Assert.Fail($"{what}: {reader.Format} reader threw {error}");
        ImportPlan? plan = null;
        error = Record.Exception(() => plan = batch.Resolve(stored ?? new Dictionary<string, NodeLabel>()));
        if (error is not null) Assert.Fail($"{what}: resolving the batch threw {error}");
        return plan!;
    }

    /// <summary>
    /// Runs the seeded cases of one format: writes each case with <paramref name="writeCase"/>,
    /// reads it as the importer does, checks every good row and rejection, and tallies; then
    /// reports the figures and requires <see cref="RequiredMutatedLines"/> mutated lines in all.
    /// </summary>
    public static void RunCases(ITestOutputHelper output, string root, IGraphReader reader, int cases, int firstSeed, FuzzSyntax syntax,
        Func<string, LineMutator, (List<FuzzFile> Files, GoodRows Good)> writeCase, IReadOnlyDictionary<string, NodeLabel>? stored = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tally = new FuzzTally(reader.Format);
        for (var seed = firstSeed; seed < firstSeed + cases; seed++)
        {
            var path = Directory.CreateDirectory(Path.Combine(root, $"case-{seed}")).FullName;
            var mutator = new LineMutator(seed, syntax);
            var (files, good) = writeCase(path, mutator);

            var plan = Read(reader, path, $"{reader.Format} seed {seed}", stored);

            AssertNoProblems(good.Problems(plan, files), $"{reader.Format} seed {seed}");
            tally.Add(files, plan);
            tally.Add(mutator);
            Directory.Delete(path, recursive: true);
        }
        output.WriteLine(tally.Report(watch.Elapsed));
        Assert.True(tally.MutatedLines >= RequiredMutatedLines, tally.Report(watch.Elapsed));
    }

    /// <summary>Fails with the problems found, naming the case so it can be replayed.</summary>
    public static void AssertNoProblems(List<string> problems, string what)
    {
        if (problems.Count > 0) Assert.Fail($"{what}:\n  {string.Join("\n  ", problems)}");
    }

    /// <summary>One JSON value as bytes, with non-ASCII text written as itself or as \u escapes.</summary>
    public static byte[] Json(Action<Utf8JsonWriter> write, bool escapeNonAscii = false, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var options = new JsonWriterOptions
        {
            Encoder = escapeNonAscii ? JavaScriptEncoder.Default : ChainGraph.Formats.Json.Encoder,
            Indented = indented,
            NewLine = "\n",
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Text that good rows carry to prove it comes through whole: quotes, backslashes, commas, CJK, an emoji, a tab.</summary>
    public static string Awkward(Random random, int n) => random.Next(4) switch
    {
        0 => $"名称 \"{n}\" \\ 逗号, 分号;",
        1 => $"tab\there 😀 é {n}",
        2 => $"  leading blank {n}",
        _ => $"宁德时代新能源科技股份有限公司{n}",
    };
}
