namespace ChainGraph.Model;

/// <summary>The node labels of the graph contract.</summary>
public enum NodeLabel
{
    Enterprise,
    Product,
    Segment,
    Chain,
    Industry,
    Region,
    Cluster,
    InnovationCentre,
}
