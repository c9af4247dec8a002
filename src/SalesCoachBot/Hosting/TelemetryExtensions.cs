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

    /// <summary>How often metrics go to the console when <see cref="TelemetryOptions.ConsoleExporter"/> is on.</summary>
    public static readonly TimeSpan ConsoleMetricsInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// OpenTelemetry traces and metrics of every "SalesCoachBot*" source and meter, ASP.NET Core and HttpClient:
    /// to Azure Monitor when a connection string is set, to the console only when <see cref="TelemetryOptions.ConsoleExporter"/> says so
    /// (metrics; traces too with <see cref="TelemetryOptions.ConsoleTraces"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSalesCoachTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();

        // Exporters are services, so they are chosen here, from the configuration the builder has.
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var console = settings.Console;
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

        if (console != ConsoleTelemetry.None)
        {
            // The console exporter's own default is every 10 s: about 100 KB a minute of metrics, for numbers that change slowly.
            telemetry.WithMetrics(metrics => metrics.AddConsoleExporter((_, reader) =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)ConsoleMetricsInterval.TotalMilliseconds));
        }

        if (console == ConsoleTelemetry.MetricsAndTraces)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter());
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitor(azure => azure.ConnectionString = connectionString);
        }

        return builder;
    }
}
