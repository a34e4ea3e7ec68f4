namespace ChainGraph.Formats.Tests.Fuzzing;

/// <summary>Where a reader starts a new line: JSON readers at each LF; the CSV reader at each LF, CRLF or lone CR.</summary>
public enum LineBreaks
{
    LineFeed,
    Any,
}

/// <summary>
/// One generated input file: known-good rows and mutated rows interleaved, with empty lines
/// between, line endings LF, CRLF or both, sometimes a byte-order mark and sometimes no final
/// newline. It knows the lines each row lies on, so a rejection can be checked to name a mutated
/// row and a lost good row can be named by its line.
/// </summary>
/// <summary>What a good row must give once the plan is read, told the file and line it landed on.</summary>
public delegate void RowExpectation(GoodRows good, FuzzFile file, int row);

public sealed class FuzzFile
{
    readonly List<byte> content = [];
    readonly List<(int Start, int End, bool Mutated)> rows = [];
    readonly Random random;
    readonly LineBreaks breaks;
    readonly int lineEndings;
    readonly bool finalNewline;
    readonly bool wholeDocument;
    List<int>? lineStarts;
    bool[]? mutatedLines;

    /// <summary>A file for <paramref name="name"/>; <paramref name="wholeDocument"/> when it is one document (a chain template), not a row per line.</summary>
    public FuzzFile(string name, LineBreaks breaks, Random random, bool wholeDocument = false)
    {
        Name = name;
        this.wholeDocument = wholeDocument;
        this.breaks = breaks;
        this.random = random;
        lineEndings = random.Next(3);
        finalNewline = random.Next(4) != 0;
        if (random.Next(5) == 0) content.AddRange("\uFEFF"u8);
    }

    public string Name { get; }

    /// <summary>The lines a reader sees in the file; known once written.</summary>
    public int Lines { get; private set; }

    /// <summary>The lines that belong to mutated rows.</summary>
    public int MutatedLines { get; private set; }

    public int MutatedRows { get; private set; }

    public int GoodRows { get; private set; }

    /// <summary>Adds a known-good row; the number returned names it for <see cref="LineOf"/>.</summary>
    public int Good(ReadOnlySpan<byte> row)
    {
        GoodRows++;
        return Add(row, mutated: false);
    }

    public void Mutated(ReadOnlySpan<byte> row)
    {
        MutatedRows++;
        Add(row, mutated: true);
    }

    /// <summary>Maybe an empty line: one time in <paramref name="oneIn"/>.</summary>
    /// <summary>
    /// Writes good and mutated rows interleaved in random order into the files <paramref name="pick"/>
    /// chooses, an empty line now and then, and tells each good row where it landed.
    /// </summary>
    public static void Interleave(Func<FuzzFile> pick, int emptyOneIn, IReadOnlyList<(byte[] Bytes, RowExpectation Expect)> goodRows,
        IReadOnlyList<(byte[] Bytes, RowExpectation Expect)> badRows, LineMutator mutator, GoodRows good, Random random)
    {
        int g = 0, b = 0;
        while (g < goodRows.Count || b < badRows.Count)
        {
            var file = pick();
            file.MaybeEmpty(emptyOneIn);
            if (b == badRows.Count || (g < goodRows.Count && random.Next(goodRows.Count + badRows.Count) < goodRows.Count))
            {
                var (bytes, expect) = goodRows[g++];
                expect(good, file, file.Good(bytes));
            }
            else
            {
                file.Mutated(mutator.Mutate(badRows[b++].Bytes));
            }
        }
    }

    public void MaybeEmpty(int oneIn)
    {
        if (random.Next(oneIn) == 0) Add([], mutated: false);
    }

    int Add(ReadOnlySpan<byte> row, bool mutated)
    {
        if (rows.Count > 0) content.AddRange(Terminator());
        rows.Add((content.Count, content.Count + row.Length, mutated));
        content.AddRange(row);
        return rows.Count - 1;
    }

    ReadOnlySpan<byte> Terminator() => lineEndings switch
    {
        0 => "\n"u8,
        1 => "\r\n"u8,
        _ => random.Next(2) == 0 ? "\n"u8 : "\r\n"u8,
    };

    /// <summary>Writes the file into <paramref name="folder"/> and works out its lines.</summary>
    public void Write(string folder)
    {
        if (finalNewline && rows.Count > 0) content.AddRange(Terminator());
        var bytes = content.ToArray();
        File.WriteAllBytes(Path.Combine(folder, Name), bytes);
        lineStarts = [0];
        for (var i = 0; i < bytes.Length; i++)
        {
            var lineBreak = bytes[i] == '\n' || (breaks == LineBreaks.Any && bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n'));
            if (lineBreak && i + 1 < bytes.Length) lineStarts.Add(i + 1);
        }
        Lines = bytes.Length == 0 ? 0 : lineStarts.Count;
        mutatedLines = new bool[Lines + 2];
        foreach (var (start, end, mutated) in rows.Where(r => r.Mutated))
        {
            for (var line = LineAt(start); line <= LineAt(Math.Max(start, end - 1)); line++)
                mutatedLines[line] = true;
        }
        // A whole-document reader names the place after a final line break when the text ends too soon.
        if (wholeDocument && rows.Count > 0 && rows[^1].Mutated && (bytes.Length == 0 || bytes[^1] == '\n')) mutatedLines[Lines + 1] = true;
        MutatedLines = mutatedLines.Take(Lines + 1).Count(m => m);
        content.Clear();
    }

    /// <summary>The line a good row starts on.</summary>
    public long LineOf(int row) => LineAt(rows[row].Start);

    /// <summary>True when the line belongs to a mutated row: the only lines a reader may reject.</summary>
    public bool IsMutatedLine(long line) => line >= 1 && line <= Lines + 1 && mutatedLines![line];

    int LineAt(int offset)
    {
        var index = lineStarts!.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
