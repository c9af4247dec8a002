using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace SalesCoachBot.Bot;

/// <summary>
/// The turn's user token client (OAuth sign-in), made by the SDK only when the turn first asks it for something.
/// </summary>
/// <remarks>
/// The SDK's adapter makes a user token client for every turn, whether or not the turn signs anyone in, and making one
/// builds an OAuth REST client whose default headers are worked out again by reflection (attribute reads that emit and
/// then finalize dynamic methods): about a tenth of a turn's CPU in the profile (docs/performance.md), for a client Sales
/// Coach never uses. This stand-in costs nothing until a call, then makes the SDK's client and hands every call to it.
/// </remarks>
/// <param name="create">Makes the SDK's client for this turn's identity.</param>
public sealed class OnDemandUserTokenClient(Func<CancellationToken, Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lock _gate = new();
    private Task<UserTokenClient>? _made;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken).ConfigureAwait(false);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken).ConfigureAwait(false);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken).ConfigureAwait(false);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken).ConfigureAwait(false);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await MadeAsync(cancellationToken).ConfigureAwait(false)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _made is { IsCompletedSuccessfully: true } made)
        {
            made.Result.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<UserTokenClient> MadeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _made ??= create(cancellationToken);
        }
    }
}
