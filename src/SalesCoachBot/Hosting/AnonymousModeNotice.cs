namespace SalesCoachBot.Hosting;

/// <summary>Says once, at start-up, how the bot authenticates: anonymous local mode must never pass unnoticed.</summary>
internal static class AnonymousModeNotice
{
    public static void Log(IConfiguration configuration, ILogger logger, string? urls)
    {
        var appId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appId))
        {
            logger.LogWarning(
                "Sales Coach is running ANONYMOUS (no MicrosoftAppId): Bot Framework authentication is off; for local use only. Messages endpoint: {Urls}/api/messages, store: {Provider}",
                urls ?? "http://localhost:3978",
                configuration["SalesCoach:Storage:Provider"] ?? "Sqlite");
        }
        else
        {
            logger.LogInformation(
                "Sales Coach is running with Bot Framework authentication ({AppType}, app id {AppId})",
                configuration["MicrosoftAppType"] ?? "MultiTenant",
                appId);
        }
    }
}
