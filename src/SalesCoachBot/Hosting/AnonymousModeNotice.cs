using Microsoft.Extensions.Options;
using SalesCoachBot.Bot;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Says once, at start-up, how the bot authenticates: anonymous local mode must never pass unnoticed. A hosted
/// service, so it speaks only after the settings were validated (a refused configuration stops before it).
/// </summary>
internal sealed class AnonymousModeNotice(
    IOptions<BotAuthenticationOptions> authentication,
    IOptions<BotHostingOptions> hosting,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<AnonymousModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = authentication.Value;
        var tenants = hosting.Value.AllowedTenants;
        if (auth.IsAnonymous)
        {
            logger.LogWarning(
                "Sales Coach is running ANONYMOUS (no MicrosoftAppId): Bot Framework authentication is OFF and anyone who can reach {Urls}/api/messages can use it; for local use only. Environment: {Environment}, store: {Provider}",
                configuration["urls"] ?? "http://localhost:3978",
                environment.EnvironmentName,
                configuration["SalesCoach:Storage:Provider"] ?? "Sqlite");
        }
        else
        {
            logger.LogInformation(
                "Sales Coach is running with Bot Framework authentication ({AppType}, app id {AppId}, tenant {TenantId}); tenants served: {Tenants}",
                auth.EffectiveAppType,
                auth.MicrosoftAppId,
                string.IsNullOrWhiteSpace(auth.MicrosoftAppTenantId) ? "any" : auth.MicrosoftAppTenantId,
                auth.IsSingleTenant ? auth.MicrosoftAppTenantId : tenants.Count == 0 ? "all" : string.Join(", ", tenants));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
