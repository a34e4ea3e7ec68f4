using System.Collections.Frozen;
using System.Text;

namespace ChainGraph.Model.Search;

/// <summary>
/// Folds text for search so that variants a user may type match: full-width letters, digits and
/// punctuation become half-width (ＡＢＣ１ → abc1), traditional characters become simplified
/// (鋰電池 → 锂电池, from OpenCC's table in graph/search/t2s.tsv), and letters lower-case.
/// Stores keep the folded name beside the name; queries are folded the same way.
/// </summary>
public static class SearchText
{
    static readonly Lazy<FrozenDictionary<int, int>> Simplified = new(Load);

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value switch
            {
                >= 0xFF01 and <= 0xFF5E => rune.Value - 0xFEE0,
                0x3000 => ' ',
                var v => Simplified.Value.GetValueOrDefault(v, v),
            };
            folded.Append(Rune.ToLowerInvariant(new Rune(value)).ToString());
        }
        return folded.ToString();
    }

    static FrozenDictionary<int, int> Load()
    {
        using var stream = typeof(SearchText).Assembly.GetManifestResourceStream("t2s.tsv")
            ?? throw new InvalidOperationException("The embedded table t2s.tsv is missing.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<int, int>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var tab = line.IndexOf('\t');
            map[char.ConvertToUtf32(line, 0)] = char.ConvertToUtf32(line, tab + 1);
        }
        return map.ToFrozenDictionary();
    }
}
