using ChainGraph.Model.Text;

namespace ChainGraph.Analysis.Chains;

/// <summary>
/// How a chain without a template was derived from UPSTREAM_OF links between industries: how many
/// links it uses, the weight they needed, and how many were left out and why.
/// </summary>
/// <param name="Links">UPSTREAM_OF links whose industries are upstream segments.</param>
/// <param name="Considered">UPSTREAM_OF links into the industry (or its sub-industries) in all.</param>
/// <param name="MinWeight">The weight a link needed (<see cref="ChainOptions.MinUpstreamWeight"/>).</param>
/// <param name="BelowThreshold">Links left out for too little weight.</param>
/// <param name="NonIndustrial">Links of enough weight left out because they come from outside industry proper.</param>
public sealed record DerivedChain(int Links, int Considered, double MinWeight, int BelowThreshold, int NonIndustrial, bool IncludeServices)
{
    /// <summary>The one line the text answers print.</summary>
    public Phrase Why => IncludeServices
        ? new Phrase("由行业分类推导：{1} 条 UPSTREAM_OF 关联中取权重 ≥ {2:0.##} 的 {0} 条（{3} 条低于阈值，未计入）；没有模板覆盖该链",
            "derived from the industry classification: {0} of {1} UPSTREAM_OF links, those of weight ≥ {2:0.##} ({3} below it left out); no template covers it",
            Links, Considered, MinWeight, BelowThreshold)
        : new Phrase("由行业分类推导：{1} 条 UPSTREAM_OF 关联中取权重 ≥ {2:0.##} 的 {0} 条（{3} 条低于阈值、{4} 条来自非工业部门，未计入）；没有模板覆盖该链",
            "derived from the industry classification: {0} of {1} UPSTREAM_OF links, those of weight ≥ {2:0.##} ({3} below it, {4} from non-industrial sectors left out); no template covers it",
            Links, Considered, MinWeight, BelowThreshold, NonIndustrial);
}
