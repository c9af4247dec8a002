using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SalesCoachBot.Bot;

namespace SalesCoachBot.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The standard environment variable of Application Insights; <c>AzureMonitor:ConnectionString</c> works too.</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry traces and metrics of every "SalesCoachBot*" source and meter, ASP.NET Core and HttpClient:
    /// to Azure Monitor when a connection string is set, to the console when <see cref="TelemetryOptions.ConsoleExporter"/> says so.
    /// </summary>
    public static IHostApplicationBuilder AddSalesCoachTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();

        // Exporters are services, so they are chosen here, from the configuration the builder has.
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var console = settings.ConsoleExporter ?? builder.Environment.IsDevelopment();
        var connectionString = builder.Configuration[ConnectionStringVariable] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : builder.Configuration["AzureMonitor:ConnectionString"];

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(SalesCoachTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(SalesCoachTelemetry.NamePattern)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (span, request) =>
                {
                    // Connector paths name the conversation (and so the user): keep the host only.
                    if (request.RequestUri is { } uri)
                    {
                        span.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}/");
                    }
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(SalesCoachTelemetry.NamePattern)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitor(azure => azure.ConnectionString = connectionString);
        }

        return builder;
    }
}
