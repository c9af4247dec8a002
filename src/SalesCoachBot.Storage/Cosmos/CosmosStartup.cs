using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Storage.Cosmos;

/// <summary>
/// Creates the Cosmos DB database and containers at start-up (when allowed), so the first rep does not wait for it.
/// A failure is logged and does not stop the app: /healthz reports the store, and the next request tries again.
/// </summary>
internal sealed class CosmosStartup(IOptions<StorageOptions> options, IServiceProvider services, ILogger<CosmosStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Cosmos || !options.Value.Cosmos.CreateIfMissing)
        {
            return;
        }

        try
        {
            var account = (CosmosAccount)services.GetService(typeof(CosmosAccount))!;
            await account.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Azure.Cosmos.CosmosException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
        {
            logger.LogWarning("Cosmos DB was not ready at start-up; requests will try again");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
