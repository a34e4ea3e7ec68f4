using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;
using ChainGraph.Server.Security;
using ChainGraph.Storage;
using Microsoft.AspNetCore.SignalR;

namespace ChainGraph.Server.Hubs;

/// <summary>
/// Every hub call under the REST rules: the caller's key must still be active (a revocation may not have closed
/// the connection yet) and hold the Reader role (every hub method is a read), and the call draws on the key's
/// rate-limit budget, the one its REST requests use. A call that fails on a bad parameter, on something the graph
/// does not hold, or on a store that is down, fails with a <see cref="HubException"/> carrying that message, in the
/// connection's language.
/// </summary>
public sealed class HubAccessFilter(HubKeyGuard guard, RateLimits limits, AccessMode mode, ViewRegistry views) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var user = invocationContext.Context.User;
        var language = views.LanguageOf(invocationContext.Context.ConnectionId);
        if (!guard.Allows(user)) throw new HubException(new Phrase("API 密钥已被吊销。", "API key revoked.").In(language));
        if (user?.IsInRole(nameof(Role.Reader)) != true) throw new HubException(new Phrase("此操作需要具有 Reader 角色的密钥。", "This call needs a key with the Reader role.").In(language));
        using (var lease = limits.Acquire(mode.Open ? RateLimits.OpenMode : RateLimits.ForKey(HubKeyGuard.KeyId(user)!)))
        {
            if (!lease.IsAcquired)
                throw new HubException(new Phrase("请求过于频繁：请在 {0} 秒后重试", "rate limit: retry after {0} s", RateLimits.RetryAfterSeconds(lease)).In(language));
        }
        try
        {
            return await next(invocationContext);
        }
        // SignalR sends a client only a HubException's message: the failures a user can act on go as one,
        // worded as REST words them, and anything else stays "an unexpected error" (and is logged).
        catch (InvalidRequestException e)
        {
            throw new HubException(e.In(language), e);
        }
        catch (NotFoundException e)
        {
            throw new HubException(e.In(language), e);
        }
        catch (GraphStoreException e) when (e.IsTransient)
        {
            throw new HubException(new Phrase("图数据库暂不可用（{0}）；请几秒后重试。", "The graph store is unavailable ({0}); try again in a few seconds.",
                e.Message.TrimEnd('.')).In(language), e);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        guard.Opened(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        guard.Closed(context.Context);
        await next(context, exception);
    }
}
