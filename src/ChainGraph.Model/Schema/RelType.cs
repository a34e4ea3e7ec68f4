namespace ChainGraph.Model;

/// <summary>The relationship types of the graph contract; <see cref="GraphSchema.Name(RelType)"/> gives the contract spelling.</summary>
public enum RelType
{
    Makes,
    Supplies,
    InputTo,
    SubtypeOf,
    InSegment,
    Feeds,
    PartOf,
    InIndustry,
    Parent,
    UpstreamOf,
    LocatedIn,
    MemberOf,
    Supports,
    Partners,
}
