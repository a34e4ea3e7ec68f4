using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChainGraph.Model;
using ChainGraph.Model.Chains;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chains;

/// <summary>
/// What each template segment holds once its match rules (<see cref="SegmentMatch"/>) are applied
/// to the data (挂链): the products, each with the rule that attached it, and the makers, each
/// with the best rule by which it came (template, subtype, keyword, pattern, then industry).
/// Derived on the snapshot, once per snapshot, so it always agrees with the data whatever was
/// imported in which order; nothing derived is stored.
/// </summary>
internal sealed record SegmentAttachment(int[] Products, string[] ProductRules, int[] Makers, string[] MakerRules)
{
    static readonly ConditionalWeakTable<GraphSnapshot, Dictionary<int, SegmentAttachment>> Cache = [];

    /// <summary>The attachment of every Segment of the snapshot, computed on first use.</summary>
    public static Dictionary<int, SegmentAttachment> All(GraphSnapshot snapshot) => Cache.GetValue(snapshot, Compute);

    static Dictionary<int, SegmentAttachment> Compute(GraphSnapshot snapshot)
    {
        var segments = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Segment)
            .Select(v => new SegmentRules(v, Rules(snapshot, v))).ToArray();
        var byName = NameMatches(snapshot, segments);
        return segments.ToDictionary(s => s.Node, s => Attach(snapshot, s, byName.GetValueOrDefault(s.Node)));
    }

    /// <summary>Rules that cannot be read (a store written by hand) leave the segment with its own products; empty words are dropped.</summary>
    static SegmentMatch Rules(GraphSnapshot snapshot, int segment)
    {
        try
        {
            var match = SegmentMatch.Parse(snapshot.Matches[segment]);
            return match with { Keywords = Words(match.Keywords), Patterns = Words(match.Patterns), Industries = Words(match.Industries), Exclude = Words(match.Exclude) };
        }
        catch (JsonException)
        {
            return SegmentMatch.None;
        }

        static string[] Words(IReadOnlyList<string>? words) => [.. (words ?? []).Where(w => !string.IsNullOrEmpty(w))];
    }

    static SegmentAttachment Attach(GraphSnapshot snapshot, SegmentRules segment, Dictionary<int, string>? byName)
    {
        var rules = new Dictionary<int, string>();
        foreach (var p in snapshot.In(RelType.InSegment).Neighbours(segment.Node)) rules[p] = Rule.Template;
        if (segment.Match.Subtypes)
            foreach (var (product, ancestor) in Subtypes(snapshot, [.. rules.Keys]))
                if (IsMade(snapshot, product) && !segment.Excludes(snapshot.Names[product])) rules.TryAdd(product, Rule.Subtype(snapshot.Names[ancestor]));
        foreach (var (product, rule) in byName ?? []) rules.TryAdd(product, rule);

        var makers = new Dictionary<int, string>();
        foreach (var (product, rule) in rules.OrderBy(r => Rule.Rank(r.Value)))
            foreach (var maker in snapshot.In(RelType.Makes).Neighbours(product))
                makers.TryAdd(maker, rule);
        foreach (var industry in segment.Match.Industries ?? [])
            if (snapshot.TryGetIndex(industry.StartsWith("SW", StringComparison.Ordinal) ? industry : "SW" + industry, out var node))
                foreach (var member in IndustryMembers(snapshot, node))
                    makers.TryAdd(member, Rule.Industry(snapshot.Ids[node]));

        var products = rules.Keys.Order().ToArray();
        var makerIds = makers.Keys.Order().ToArray();
        return new(products, [.. products.Select(p => rules[p])], makerIds, [.. makerIds.Select(m => makers[m])]);
    }

    /// <summary>One pass over the made products for every segment's keywords and patterns.</summary>
    static Dictionary<int, Dictionary<int, string>> NameMatches(GraphSnapshot snapshot, SegmentRules[] segments)
    {
        var matches = new Dictionary<int, Dictionary<int, string>>();
        var index = KeywordIndex.Of(segments);
        for (var product = 0; product < snapshot.NodeCount; product++)
        {
            if (snapshot.Labels[product] != NodeLabel.Product || !IsMade(snapshot, product)) continue;
            var name = snapshot.Names[product];
            var found = index.Find(name);
            foreach (var segment in segments)
            {
                var rule = found.TryGetValue(segment.Node, out var keyword) ? Rule.Keyword(keyword) : segment.PatternMatching(name);
                if (rule is null || segment.Excludes(name)) continue;
                if (!matches.TryGetValue(segment.Node, out var products)) matches[segment.Node] = products = [];
                products[product] = rule;
            }
        }
        return matches;
    }

    /// <summary>Rules attach what some enterprise makes: a name alone attaches no maker.</summary>
    static bool IsMade(GraphSnapshot snapshot, int product) => snapshot.In(RelType.Makes).Degree(product) > 0;

    /// <summary>Each SUBTYPE_OF descendant of the products, with the product it descends from (the first reached).</summary>
    static IEnumerable<(int Product, int Ancestor)> Subtypes(GraphSnapshot snapshot, int[] roots)
    {
        var seen = new HashSet<int>(roots);
        var queue = new Queue<(int Product, int Ancestor)>(roots.Select(r => (r, r)));
        while (queue.TryDequeue(out var next))
            foreach (var child in snapshot.In(RelType.SubtypeOf).Neighbours(next.Product).ToArray())
                if (seen.Add(child))
                {
                    queue.Enqueue((child, next.Ancestor));
                    yield return (child, next.Ancestor);
                }
    }

    /// <summary>Enterprises IN_INDUSTRY of the industry or of any industry below it (PARENT).</summary>
    internal static int[] IndustryMembers(GraphSnapshot snapshot, int industry)
    {
        var industries = new HashSet<int> { industry };
        var frontier = new Stack<int>([industry]);
        while (frontier.Count > 0)
            foreach (var child in snapshot.In(RelType.Parent).Neighbours(frontier.Pop()))
                if (industries.Add(child)) frontier.Push(child);
        return industries.SelectMany(i => snapshot.In(RelType.InIndustry).Neighbours(i).ToArray()).Distinct().Order().ToArray();
    }

    /// <summary>A segment's rules, ready to apply.</summary>
    internal sealed class SegmentRules(int node, SegmentMatch match)
    {
        readonly Regex[] patterns = [.. (match.Patterns ?? []).Select(SegmentMatch.Compile).OfType<Regex>()];

        public int Node => node;

        public SegmentMatch Match => match;

        public bool Excludes(string name) => match.Exclude?.Any(e => name.Contains(e, StringComparison.Ordinal)) == true;

        public string? PatternMatching(string name)
        {
            // Linear-time patterns (SegmentMatch.Compile): none can stall the snapshot.
            foreach (var pattern in patterns)
                if (pattern.IsMatch(name)) return Rule.Pattern(pattern.ToString());
            return null;
        }
    }
}
