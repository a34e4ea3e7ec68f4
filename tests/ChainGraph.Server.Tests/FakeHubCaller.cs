using System.Security.Claims;
using ChainGraph.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Tests;

/// <summary>A hub connection as the hub filter and the key guard see it: an id, the key's user, and whether it was aborted.</summary>
sealed class FakeHubCaller(string keyId, Role role, string connectionId = "connection") : HubCallerContext
{
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override string ConnectionId => connectionId;
    public override string? UserIdentifier => null;
    public override ClaimsPrincipal? User { get; } =
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, keyId), new Claim(ClaimTypes.Role, role.ToString())], "test"));
    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
    public override IFeatureCollection Features { get; } = new FeatureCollection();
    public override CancellationToken ConnectionAborted => CancellationToken.None;

    public override void Abort() => Aborted.TrySetResult();
}
