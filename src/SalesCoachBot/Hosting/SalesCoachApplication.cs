using SalesCoachBot.Core;
using SalesCoachBot.Storage;

namespace SalesCoachBot.Hosting;

/// <summary>
/// The whole app composed once: what <c>Program</c> runs, and what a test starts itself when it must watch start-up fail
/// (the test host's own start is raced by the entry point disposing the failed host).
/// </summary>
public static class SalesCoachApplication
{
    /// <param name="options">Arguments, environment and content root.</param>
    /// <param name="configure">Runs on the builder before anything is registered, so settings it adds are read by every part.</param>
    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);

        builder.Services.AddSalesCoachCore(builder.Environment.ContentRootPath);
        builder.Services.AddSalesCoachStorage();
        builder.Services.AddSalesCoachBot();
        builder.AddSalesCoachTelemetry();

        var app = builder.Build();
        app.MapSalesCoachEndpoints();
        return app;
    }
}
