using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Bot;

/// <summary>
/// The SDK's <see cref="ConfigurationBotFrameworkAuthentication"/>, built on first use rather than when the adapter is.
/// The adapter is built while hosted services are resolved, before start-up validation runs, and the SDK throws a bare
/// ArgumentException from its constructor for some bad settings; built later, the settings have already been checked
/// (<see cref="BotAuthenticationOptionsValidator"/>) and a bad combination stops start-up with our message instead.
/// </summary>
public sealed class ConfiguredBotAuthentication(
    IOptions<BotAuthenticationOptions> settings,
    IConfiguration configuration,
    IHttpClientFactory http,
    TimeProvider time,
    ILoggerFactory loggers) : BotFrameworkAuthentication
{
    /// <summary>The HttpClient the Bot Framework credentials use to get tokens for outgoing calls.</summary>
    public const string CredentialsHttpClient = "BotFrameworkCredentials";

    /// <summary>
    /// How long checking an incoming token may take, the OpenID metadata fetch included (the SDK fetches it with its own
    /// HttpClient and a 100 s timeout): Teams gives a turn 15 s, and a request that cannot be checked is refused.
    /// </summary>
    public static readonly TimeSpan ValidationTimeout = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggers.CreateLogger<ConfiguredBotAuthentication>();

    private readonly ReusedConnectorClients _connectors = new(http, time);

    private readonly Lazy<BotFrameworkAuthentication> _sdk = new(() =>
    {
        _ = settings.Value;

        // The SDK's credential factory picks the identity by MicrosoftAppType (app password, or the managed identity for
        // UserAssignedMSI). Given the app's HttpClient, its token requests go through the same pipeline as every other
        // outgoing call (traced; a stand-in in tests) instead of a private client.
        var credentials = new ConfigurationServiceClientCredentialFactory(
            configuration,
            http.CreateClient(CredentialsHttpClient),
            loggers.CreateLogger<ConfigurationServiceClientCredentialFactory>());
        return new ConfigurationBotFrameworkAuthentication(
            configuration,
            credentials,
            httpClientFactory: http,
            logger: loggers.CreateLogger<ConfigurationBotFrameworkAuthentication>());
    });

    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        RefusedUnlessValidAsync(async ct => WithReusedConnectors(await _sdk.Value.AuthenticateRequestAsync(activity, authHeader, ct).ConfigureAwait(false)), cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        RefusedUnlessValidAsync(async ct => WithReusedConnectors(await _sdk.Value.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, ct).ConfigureAwait(false)), cancellationToken);

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        RefusedUnlessValidAsync(ct => _sdk.Value.AuthenticateChannelRequestAsync(authHeader, ct), cancellationToken);

    /// <summary>
    /// The SDK answers most bad tokens with UnauthorizedAccessException (the adapter's 401), but lets others escape as
    /// whatever its token libraries throw: "Bearer a.b.c" (an ArgumentException), any JWT while the OpenID metadata
    /// cannot be fetched (an InvalidOperationException), a fetch that hangs. A token that could not be validated is not
    /// valid: all of these become the 401. Each refusal is logged here once, at Warning, by exception type and the SDK's
    /// reason (escaped: it can quote a claim of the token); the header is never logged or echoed. The adapter's own
    /// Error entry with a stack trace for the same refusal is left out (<see cref="RefusedRequestLogFilter"/>).
    /// </summary>
    private async Task<T> RefusedUnlessValidAsync<T>(Func<CancellationToken, Task<T>> validate, CancellationToken cancellationToken)
    {
        try
        {
            return await validate(cancellationToken).WaitAsync(ValidationTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var reason = ex is UnauthorizedAccessException ? LogText.Safe(ex.Message) : "(none)";
            _logger.LogWarning("Refused a request whose Bot Framework token could not be validated: {Failure} {Reason}", ex.GetType().Name, reason);
            throw new RefusedTokenException();
        }
    }

    // Connector clients are reused across turns, proactive ones included (ReusedConnectorClients says why).
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        _connectors.For(_sdk.Value.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    /// <summary>
    /// The turn's connector factory is the one the request's authentication returns (not <see cref="CreateConnectorFactory"/>):
    /// it is the one to reuse clients from. A streaming request's result has none (the SDK replies over the stream).
    /// </summary>
    private AuthenticateRequestResult WithReusedConnectors(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is not null && result.ClaimsIdentity is not null)
        {
            result.ConnectorFactory = _connectors.For(result.ConnectorFactory, result.ClaimsIdentity);
        }

        return result;
    }

    // Made only if the turn uses it (OnDemandUserTokenClient says why).
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new OnDemandUserTokenClient(ct => _sdk.Value.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override BotFrameworkClient CreateBotFrameworkClient() => _sdk.Value.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _sdk.Value.GetOriginatingAudience();
}
