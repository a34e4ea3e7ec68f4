using ChainGraph.Analysis.Profile;
using ChainGraph.Model;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>An enterprise's profile (<c>profile ID</c>, <c>GET /api/enterprises/{id}/profile</c>).</summary>
/// <param name="Limit">At most this many customers and suppliers each (the totals are always given).</param>
public sealed record ProfileRequest(string Id, int Limit = 50) : IQuery<EnterpriseProfile>
{
    public const int MaxLimit = 1000;

    public void Validate() => new ParameterCheck().Required("id", Id).Range("limit", Limit, 1, MaxLimit).ThrowIfInvalid();

    public EnterpriseProfile Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        EnterpriseProfileAnalysis.Run(snapshot, snapshot.IndexOf(Id, "id"), Limit);

    /// <summary>
    /// The profile with what only the store keeps about the enterprise: its registered name and how its
    /// place was found (<c>placeSource</c>, <c>placeNote</c>). Both adapters add it the same way.
    /// </summary>
    public static EnterpriseProfile WithStored(EnterpriseProfile profile, GraphNode? stored)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return stored is null ? profile : profile with
        {
            Place = profile.Place with { FullName = stored.GetString("fullName"), Source = stored.GetString("placeSource"), Note = stored.GetString("placeNote") },
        };
    }
}
