using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using SalesCoachBot.Bot;

namespace SalesCoachBot.Tests.Bot;

/// <summary>The turn's user token client is the SDK's, made on the first call and not before.</summary>
public sealed class OnDemandUserTokenClientTests
{
    [Fact]
    public void A_turn_that_signs_nobody_in_makes_no_token_client()
    {
        var made = 0;
        using (new OnDemandUserTokenClient(_ => { made++; return Task.FromResult<UserTokenClient>(new RecordingTokenClient()); }))
        {
        }

        Assert.Equal(0, made);
    }

    [Fact]
    public async Task Sign_in_calls_reach_the_sdks_client_made_once_and_disposed_with_the_turn()
    {
        var sdk = new RecordingTokenClient();
        var made = 0;
        var client = new OnDemandUserTokenClient(_ => { made++; return Task.FromResult<UserTokenClient>(sdk); });

        var first = await client.GetUserTokenAsync("aad-dana", "graph", "msteams", "123456", CancellationToken.None);
        await client.SignOutUserAsync("aad-dana", "graph", "msteams", CancellationToken.None);
        client.Dispose();

        Assert.Equal("token-for-aad-dana", first.Token);
        Assert.Equal(["GetUserToken aad-dana graph 123456", "SignOutUser aad-dana graph"], sdk.Calls);
        Assert.Equal(1, made);
        Assert.True(sdk.Disposed);
    }

    private sealed class RecordingTokenClient : UserTokenClient
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        {
            Calls.Add($"GetUserToken {userId} {connectionName} {magicCode}");
            return Task.FromResult(new TokenResponse { Token = $"token-for-{userId}" });
        }

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        {
            Calls.Add($"SignOutUser {userId} {connectionName}");
            return Task.CompletedTask;
        }

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
