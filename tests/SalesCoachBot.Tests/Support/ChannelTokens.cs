using System.Collections;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SalesCoachBot.Tests.Support;

/// <summary>
/// Stands in for the Bot Framework channel's token service: signs channel tokens with a local RSA key and publishes
/// that key in the OpenID metadata and JWKS documents the SDK validates against.
/// </summary>
/// <remarks>
/// Why this reaches into the SDK: Bot Framework 4.23.1 fetches the metadata (<see cref="AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl"/>)
/// with a private static HttpClient, not the app's IHttpClientFactory, so no handler of the app can answer it. It
/// keeps one configuration manager per metadata URL in a static cache of <see cref="JwtTokenExtractor"/>; this puts
/// managers there (once per test process) whose HttpClient is served by <see cref="MetadataDocuments"/>. The
/// validation itself (issuer, signature, lifetime, audience, endorsement, service URL) stays the SDK's.
/// </remarks>
public static class ChannelTokens
{
    public const string Issuer = AuthenticationConstants.ToBotFromChannelTokenIssuer;

    private const string KeyId = "sales-coach-test-channel-key";
    private static readonly RSA _channelKey = RSA.Create(2048);
    private static readonly Lazy<bool> _published = new(PublishChannelKey, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A token as the Teams channel sends it to the bot: issued by the channel, for the bot's app id and the activity's service URL.</summary>
    public static string Create(string audience, string serviceUrl, TimeSpan? validFor = null, RSA? signedWith = null, string? keyId = null)
    {
        _ = _published.Value;
        var now = DateTime.UtcNow;
        var lifetime = validFor ?? TimeSpan.FromHours(1);
        var expires = now + lifetime;
        var notBefore = lifetime > TimeSpan.Zero ? now.AddMinutes(-1) : expires.AddHours(-1);
        var signing = new SigningCredentials(new RsaSecurityKey(signedWith ?? _channelKey) { KeyId = keyId ?? KeyId }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(
            Issuer,
            audience,
            [new Claim(AuthenticationConstants.ServiceUrlClaim, serviceUrl)],
            notBefore,
            expires,
            signing);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static bool PublishChannelKey()
    {
        const string metadataUrl = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
        var http = new HttpClient(new MetadataDocuments(metadataUrl, _channelKey, KeyId));
        Cache("_openIdMetadataCache")[metadataUrl] =
            new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), http);
        var endorsements = new EndorsementsRetriever(http);
        Cache("_endorsementsCache")[metadataUrl] =
            new ConfigurationManager<IDictionary<string, HashSet<string>>>(metadataUrl, endorsements, endorsements);
        return true;
    }

    private static IDictionary Cache(string field) =>
        typeof(JwtTokenExtractor).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as IDictionary
        ?? throw new InvalidOperationException($"JwtTokenExtractor.{field} is gone: the SDK changed, so the test token service must find another way in.");

    /// <summary>Serves the OpenID metadata and the key set (with the Teams endorsement the SDK checks for).</summary>
    private sealed class MetadataDocuments(string metadataUrl, RSA key, string keyId) : HttpMessageHandler
    {
        private readonly string _keysUrl = new Uri(new Uri(metadataUrl), "keys").ToString();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            string? json = null;
            if (url == metadataUrl)
            {
                json = $$"""{"issuer":"{{Issuer}}","authorization_endpoint":"https://invalid.test/authorize","jwks_uri":"{{_keysUrl}}","id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["private_key_jwt"]}""";
            }
            else if (url == _keysUrl)
            {
                var parameters = key.ExportParameters(includePrivateParameters: false);
                json = $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"{{keyId}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}","endorsements":["msteams"]}]}""";
            }

            return Task.FromResult(json is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
