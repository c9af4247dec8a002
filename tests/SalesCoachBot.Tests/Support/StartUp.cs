using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Support;

/// <summary>Starts the app as <c>Program</c> composes it, for tests of what stops start-up.</summary>
public static class StartUp
{
    /// <summary>
    /// Starts the app with these settings and returns the whole exception that stopped it (fails the test if it started).
    /// The app is started here, not through <see cref="BotApp"/>: the test host's entry point can dispose the failed host
    /// before the failure reaches the test, which then sees an ObjectDisposedException instead of the reason.
    /// </summary>
    public static async Task<string> FailureAsync(IDictionary<string, string?> settings, string environment = "Development")
    {
        var all = new Dictionary<string, string?>
        {
            ["SalesCoach:Telemetry:ConsoleExporter"] = "false",
            ["SalesCoach:Reminders:Enabled"] = "false",
            ["SalesCoach:Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"), "salescoach.db"),
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        await using var app = SalesCoachApplication.Build(
            new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory },
            builder => builder.Configuration.AddInMemoryCollection(all));
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        return failure.ToString();
    }
}
