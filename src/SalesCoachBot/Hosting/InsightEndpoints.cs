using SalesCoachBot.Core.Deals;
using SalesCoachBot.Hosting.Demo;
using SalesCoachBot.Insights.Charts;
using SalesCoachBot.Insights.Export;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Charts, exports and demo data: their services, and the two endpoints behind signed links. Neither endpoint asks for
/// the bot's authentication (Teams fetches card pictures without it, and a browser opens a download link without it):
/// the signed, expiring link is the permission. A link that is not genuine is 404 and one that has expired is 410, both
/// without a body, so a prober learns nothing.
/// </summary>
internal static class InsightEndpoints
{
    public static IServiceCollection AddChartsExportAndDemo(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddOptions<ChartLinkOptions>()
            .BindConfiguration(ChartLinkOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new PublicLinkBase(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Playbook.PublicAddressOptions>>().Value.PublicBaseUrl,
            sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton<ChartImage>();
        services.AddSingleton<ChartLinks>();
        services.AddSingleton<IChartLinks>(sp => sp.GetRequiredService<ChartLinks>());
        services.AddSingleton<PipelineChartHandler>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<DealExport>();
        services.AddSingleton<ExportCommandHandler>();

        services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoDataSeeder>());
        return services;
    }

    public static WebApplication MapChartAndExportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ChartLinks.RouteTemplate, (string token, ChartLinks links, ChartImage image, HttpContext http) =>
        {
            var opened = links.Open(token);
            if (opened.State != LinkState.Valid)
            {
                return Refused(opened.State);
            }

            // The picture never changes for a link, but it is someone's results: private, kept no longer than the link.
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.File(image.RenderPng(opened.Payload!.Chart), "image/png");
        });
        app.MapGet(ExportLinks.RouteTemplate, async (string token, ExportLinks links, DealExport export, TimeProvider time, ILoggerFactory loggers, HttpContext http, CancellationToken ct) =>
        {
            var opened = links.Open(token);
            if (opened.State != LinkState.Valid)
            {
                return Refused(opened.State);
            }

            var link = opened.Payload!;
            var file = await export.FileAsync(new OwnerKey(link.TenantId, link.UserId), link.Scope, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct).ConfigureAwait(false);
            loggers.CreateLogger("SalesCoachBot.Export").LogInformation("Export downloaded: {Scope}, {Rows} rows, for user {UserId}", link.Scope, file.Rows, link.UserId);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
        });
        return app;
    }

    private static IResult Refused(LinkState state) =>
        state == LinkState.Expired ? Results.StatusCode(StatusCodes.Status410Gone) : Results.NotFound();
}
