using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json.Serialization;

namespace SalesCoachBot.Bot;

/// <summary>
/// Connector clients made once per bot identity, service URL and audience, and used by every turn that replies there,
/// instead of one client per turn.
/// </summary>
/// <remarks>
/// The SDK's connector factory builds a new <see cref="ConnectorClient"/> for every turn, and with it new credentials, the
/// HttpClient's default headers worked out again by reflection, and new serializer settings whose contract resolver starts
/// empty: every reply paid again for Newtonsoft.Json reflecting over Activity and emitting its property getters. Under load
/// that was about 60% of a turn's managed CPU time in the profile (docs/performance.md). A client is safe to share (each
/// call builds its own request; the SDK's older BotFrameworkAdapter kept its clients in a dictionary the same way), so one
/// is made with the SDK's own factory (its credentials are exactly what the SDK would pick for the identity and audience)
/// and kept for <see cref="Renewal"/>, IHttpClientFactory's handler lifetime, after which the next turn makes a fresh one,
/// so DNS changes still reach the connector. A replaced client is not disposed: a turn may still be using it, and it owns
/// nothing that needs disposing (its HttpClient comes from IHttpClientFactory, which owns the handlers).
/// </remarks>
public sealed class ReusedConnectorClients(IHttpClientFactory http, TimeProvider time)
{
    /// <summary>How long a client is used before the next turn makes a new one (IHttpClientFactory's default handler lifetime).</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromMinutes(2);

    /// <summary>More than any real bot sees (Teams has a few regional service URLs); past it the cache starts over.</summary>
    private const int MaxClients = 64;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), (ConnectorClient Client, DateTimeOffset Renew)> _clients = new();

    /// <summary>
    /// One resolver for every client, so that its contract cache is the app's. The SDK's own choice of resolver
    /// (ConnectorClient sets a DefaultContractResolver, so that anonymous types serialize), shared.
    /// </summary>
    private readonly DefaultContractResolver _contracts = new();

    /// <summary>The connector factory for a turn of <paramref name="identity"/>: <paramref name="sdk"/>'s clients, reused.</summary>
    public ConnectorFactory For(ConnectorFactory sdk, ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new Factory(this, sdk, AppIdOf(identity));
    }

    private async Task<IConnectorClient> GetAsync(ConnectorFactory sdk, string? appId, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = (appId, serviceUrl, audience);
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(key, out var kept) && now < kept.Renew)
        {
            return kept.Client;
        }

        // Made by the SDK for its credentials only; its HttpClient is its own, and goes with it.
        using var made = await sdk.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (made is not ConnectorClient sdkClient)
        {
            throw new InvalidOperationException($"The Bot Framework connector factory made a {made.GetType().Name}, not a ConnectorClient.");
        }

        var httpClient = http.CreateClient();
        ConnectorClient.AddDefaultRequestHeaders(httpClient);
        var client = new SharedConnectorClient(sdkClient.BaseUri, sdkClient.Credentials, httpClient);
        client.SerializationSettings.ContractResolver = _contracts;
        client.DeserializationSettings.ContractResolver = _contracts;
        if (_clients.Count >= MaxClients)
        {
            _clients.Clear();
        }

        _clients[key] = (client, now + Renewal);
        return client;
    }

    /// <summary>The bot's app id the SDK's factory makes clients for (BuiltinBotFrameworkAuthentication.GetAppId): the token's audience, else its appid.</summary>
    private static string? AppIdOf(ClaimsIdentity identity) =>
        (identity.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)
            ?? identity.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim))?.Value;

    private sealed class Factory(ReusedConnectorClients clients, ConnectorFactory sdk, string? appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            clients.GetAsync(sdk, appId, serviceUrl, audience, cancellationToken);
    }

    /// <summary>
    /// A ConnectorClient that outlives the turn: the SDK disposes the turn's client when the turn ends, which for a shared
    /// one must do nothing. Still a ConnectorClient, so the SDK's Teams calls (TeamsInfo) reuse its HttpClient too.
    /// </summary>
    private sealed class SharedConnectorClient(Uri baseUri, ServiceClientCredentials credentials, HttpClient httpClient)
        : ConnectorClient(baseUri, credentials, httpClient, disposeHttpClient: false)
    {
        // Not calling the base on purpose: the SDK disposes the turn's client at the end of every turn, and a shared one must
        // keep working; it owns nothing to release (see ReusedConnectorClients).
#pragma warning disable CA2215
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}
