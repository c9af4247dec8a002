using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest.Serialization;

namespace SalesCoachBot.Bot;

/// <summary>
/// The SDK's connector factory, with one Newtonsoft.Json contract resolver shared by every connector client it makes.
/// </summary>
/// <remarks>
/// The SDK builds a new <see cref="ConnectorClient"/> for every turn, and each client new serializer settings with a new
/// contract resolver, whose contract cache starts empty: every reply paid again for reflecting over Activity and
/// everything it holds, which made Newtonsoft.Json contract resolution the largest part of a turn's CPU time (issue 14).
/// The client itself is kept per turn, as the SDK disposes it with the turn; only the settings' resolver (thread-safe,
/// and stateless apart from its cache) is shared. Settings are otherwise the SDK's own, so what goes over the wire is
/// unchanged.
/// </remarks>
/// <param name="inner">The SDK's factory for this turn's identity.</param>
/// <param name="contracts">The resolver the SDK's clients use (a fresh one each), here one for the app: its cache is the point.</param>
public sealed class SharedContractsConnectorFactory(ConnectorFactory inner, ReadOnlyJsonContractResolver contracts) : ConnectorFactory
{
    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (client is ConnectorClient connector)
        {
            connector.SerializationSettings.ContractResolver = contracts;
            connector.DeserializationSettings.ContractResolver = contracts;
        }

        return client;
    }
}
