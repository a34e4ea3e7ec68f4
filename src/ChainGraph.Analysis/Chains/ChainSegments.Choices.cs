using ChainGraph.Analysis.Scope;
using ChainGraph.Model;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Analysis.Chains;

public static partial class ChainSegments
{
    /// <summary>
    /// What a chain picker offers: every template, then every industry that can form a chain of its own: one with
    /// member enterprises (in it or below it) that no template covers (a covered one opens its template). Industries
    /// come by SW code, so a level-1 industry precedes its sub-industries.
    /// </summary>
    public static IReadOnlyList<ChainChoice> Choices(GraphSnapshot snapshot, ChainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var templates = Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Chain).ToList();
        var covered = templates.SelectMany(t => CoveredIndustries(snapshot, t)).ToHashSet(StringComparer.Ordinal);
        var choices = templates
            .Select(t => new ChainChoice(snapshot.Ids[t], snapshot.Names[t], "chain", snapshot.In(RelType.PartOf).Degree(t), Sector: snapshot.Sectors[t]))
            .OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        foreach (var industry in Enumerable.Range(0, snapshot.NodeCount).Where(v => snapshot.Labels[v] == NodeLabel.Industry).OrderBy(v => snapshot.Ids[v], StringComparer.Ordinal))
        {
            var lineage = Lineage(snapshot, industry);
            if (lineage.Any(v => covered.Contains(snapshot.Ids[v]))) continue;
            var members = SegmentAttachment.IndustryMembers(snapshot, industry).Length;
            if (members == 0) continue;
            var chain = FromIndustry(snapshot, industry, options ?? ChainOptions.Default);
            var sector = lineage.Select(v => snapshot.Ids[v] is ['S', 'W', .. var code] ? SwIndustrySectors.OfSwCode(code) : null).FirstOrDefault(s => s is not null);
            choices.Add(new ChainChoice(snapshot.Ids[industry], snapshot.Names[industry], "industry", chain.Segments.Count, members, sector,
                snapshot.Names[lineage[^1]], lineage.Count));
        }
        return choices;
    }
}
