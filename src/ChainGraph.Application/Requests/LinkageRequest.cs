using ChainGraph.Analysis.Linkage;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>How two groups are linked (<c>analyze linkage</c>, <c>GET /api/analyses/linkage</c>).</summary>
public sealed record LinkageRequest(string A, string B, int Top = 20) : IQuery<LinkageReport>
{
    public const int MaxTop = 200;

    public void Validate() => new ParameterCheck().Required("a", A).Required("b", B).Range("top", Top, 1, MaxTop).ThrowIfInvalid();

    public LinkageReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        GroupLinkage.Run(snapshot, NodeGroup.Resolve(snapshot, A, "a"), NodeGroup.Resolve(snapshot, B, "b"), Top);
}
