using Microsoft.Extensions.Options;
using SalesCoachBot.Bot;

namespace SalesCoachBot.Hosting;

/// <summary>
/// The timeout of the HttpClient the Bot Framework connector gets from IHttpClientFactory (the default, unnamed client:
/// the SDK's connector factory asks for that one). Without it a connector that accepts and never answers holds the
/// request for HttpClient's 100 s, twice (the reply, then the error message), and Teams gives up at 15 s.
/// Kept here, apart from how connector clients are created, so either can change alone.
/// </summary>
internal static class ConnectorHttpClient
{
    public static void Configure(IServiceCollection services) =>
        services.AddHttpClient(Options.DefaultName).ConfigureHttpClient((sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<BotHostingOptions>>().Value.ConnectorTimeoutSeconds));
}
