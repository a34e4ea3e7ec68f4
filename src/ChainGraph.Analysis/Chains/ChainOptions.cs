using ChainGraph.Model.Requests;

namespace ChainGraph.Analysis.Chains;

/// <summary>How a chain is derived from the industry classification where no template covers the industry asked for.</summary>
public sealed record ChainOptions
{
    /// <summary>
    /// Least weight (the number of product links behind it) an UPSTREAM_OF link needs to make its
    /// industry a segment. In ChainKnowledgeGraph 80% of the 5,256 links have weight 1 and 94% at
    /// most 2, and those name unrelated industries (白酒 upstream of 电动乘用车); the 302 links of
    /// weight 3 or more are the ones with support.
    /// </summary>
    /// <value>3</value>
    public double MinUpstreamWeight { get; init; } = 3;

    /// <summary>
    /// Whether upstream industries outside industry proper (food, retail, finance, real estate,
    /// media, construction, services; graph/sectors/non-industrial-sw.tsv) may become segments.
    /// </summary>
    /// <value>false</value>
    public bool IncludeServices { get; init; }

    public static ChainOptions Default { get; } = new();

    /// <summary>Adds every invalid setting to <paramref name="check"/>, under the names the API gives them.</summary>
    public ParameterCheck Check(ParameterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Range("minUpstreamWeight", MinUpstreamWeight, 1, 1_000_000);
    }
}
