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
    public string Why =>
        $"derived from the industry classification: {Links} of {Considered} UPSTREAM_OF links, those of weight ≥ {MinWeight:0.##}"
        + $" ({BelowThreshold} below it{(IncludeServices ? "" : $", {NonIndustrial} from non-industrial sectors")} left out); no template covers it";
}
