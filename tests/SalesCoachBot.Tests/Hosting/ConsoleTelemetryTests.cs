using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Issue 15, finding 13: the console exporter wrote 53.6 MB in five minutes of Development; now it is off unless asked for.</summary>
public sealed class ConsoleTelemetryTests
{
    /// <summary>The app's telemetry wiring, built as Program builds it; what goes to the console is what it chose.</summary>
    private static async Task<ConsoleTelemetry> ConsoleOfAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSalesCoachTelemetry();
        await using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Console;
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Nothing_goes_to_the_console_unless_asked_for(string environment)
    {
        Assert.Equal(ConsoleTelemetry.None, await ConsoleOfAsync(environment, []));
    }

    [Theory]
    [InlineData("false", ConsoleTelemetry.Metrics)]
    [InlineData("true", ConsoleTelemetry.MetricsAndTraces)]
    public async Task Asked_for_the_console_gets_metrics_and_spans_only_when_they_are_asked_for_too(string traces, ConsoleTelemetry expected)
    {
        var settings = new Dictionary<string, string?> { ["SalesCoach:Telemetry:ConsoleExporter"] = "true", ["SalesCoach:Telemetry:ConsoleTraces"] = traces };

        Assert.Equal(expected, await ConsoleOfAsync("Development", settings));
    }
}
