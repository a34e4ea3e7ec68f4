namespace ChainGraph.Analysis.Chains;

/// <summary>
/// Every segment's keywords indexed by their first character, so that one scan of a product name
/// finds the keywords of all segments it holds, instead of testing each keyword of each segment.
/// </summary>
internal sealed class KeywordIndex
{
    readonly Dictionary<char, List<(string Keyword, int Segment, int Rank)>> byFirst = [];

    public static KeywordIndex Of(IEnumerable<SegmentAttachment.SegmentRules> segments)
    {
        var index = new KeywordIndex();
        foreach (var segment in segments)
            foreach (var (keyword, rank) in (segment.Match.Keywords ?? []).Select((k, i) => (k, i)))
            {
                if (keyword.Length == 0) continue;
                if (!index.byFirst.TryGetValue(keyword[0], out var list)) index.byFirst[keyword[0]] = list = [];
                list.Add((keyword, segment.Node, rank));
            }
        return index;
    }

    /// <summary>Per segment, the first of its keywords (in the template's order) that the name holds.</summary>
    public Dictionary<int, string> Find(string name)
    {
        var best = new Dictionary<int, (string Keyword, int Rank)>();
        for (var i = 0; i < name.Length; i++)
        {
            if (!byFirst.TryGetValue(name[i], out var candidates)) continue;
            foreach (var (keyword, segment, rank) in candidates)
                if (name.AsSpan(i).StartsWith(keyword, StringComparison.Ordinal) && (!best.TryGetValue(segment, out var b) || rank < b.Rank))
                    best[segment] = (keyword, rank);
        }
        return best.ToDictionary(b => b.Key, b => b.Value.Keyword);
    }
}
