namespace ChainGraph.Analysis.Alternatives;

/// <summary>How long the lists of an alternatives answer are, and when an input counts as foreign-dependent.</summary>
public sealed record AlternativesOptions
{
    /// <summary>At most this many enterprises per list (makers, each substitute's makers, domestic candidates); totals are always given.</summary>
    /// <value>20</value>
    public int Limit { get; init; } = 20;

    /// <summary>Share of supply made abroad from which an input is foreign-dependent and gets a domestic-substitution (国产替代) list.</summary>
    /// <value>0.5 (the chokepoint ranking's flag)</value>
    public double ForeignShareFlag { get; init; } = 0.5;

    /// <summary>Without a product: how many of the top-ranked chokepoint products to answer for.</summary>
    /// <value>3</value>
    public int Top { get; init; } = 3;

    /// <summary>Only enterprises with one of these tags are listed (makers, substitutes' makers, domestic candidates); shares and totals stay everyone's.</summary>
    /// <value><see cref="Model.TagSet.None"/>: every enterprise</value>
    public Model.TagSet Tags { get; init; } = Model.TagSet.None;

    public static AlternativesOptions Default { get; } = new();
}
