using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Benchmarks;

/// <summary>
/// The bot's store round trips per turn, for the same script as the timed run: the bot hosted in this process with
/// counting decorators over its stores (a server process of its own cannot be counted from outside). Reads and writes
/// of deals and profiles, plus the one atomic claim of the duplicate check (a write to processed activities).
/// </summary>
public static class StoreRoundTrips
{
    public sealed record Figures(double ReadsPerTurn, double WritesPerTurn, JsonObject PerCommand);

    public static async Task<Figures> MeasureAsync(FakeConnector connector, IReadOnlyList<string> script, string databasePath)
    {
        var counts = new StoreCounts();
        await using var bot = new CountedBot(databasePath, counts);
        using var client = bot.CreateClient();
        foreach (var text in new[] { "new deal Contoso Ltd 45k", "new deal Fabrikam 20k", "new deal Northwind 12k", "show fabrikam" })
        {
            await PostAsync(client, connector, text);
        }

        var perCommand = new JsonObject();
        int reads = 0, writes = 0, turns = 0;
        for (var round = 0; round < 2; round++)
        {
            foreach (var line in script)
            {
                var text = string.Format(CultureInfo.InvariantCulture, line, 60 + round);
                counts.Reset();
                await PostAsync(client, connector, text);
                reads += counts.Reads;
                writes += counts.Writes;
                turns++;
                perCommand[line.Replace("{0}", "N", StringComparison.Ordinal)] = counts.ToString();
            }
        }

        return new Figures(Math.Round((double)reads / turns, 2), Math.Round((double)writes / turns, 2), perCommand);
    }

    private static async Task PostAsync(HttpClient client, FakeConnector connector, string text)
    {
        using var content = new StringContent(TurnsCommand.Activity(connector.Address, "bench-counted", text), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The bot as the timed run starts it (Production, anonymous, SQLite), its stores counted.</summary>
    private sealed class CountedBot : WebApplicationFactory<Program>
    {
        private readonly string _databasePath;
        private readonly StoreCounts _counts;

        public CountedBot(string databasePath, StoreCounts counts)
        {
            _databasePath = databasePath;
            _counts = counts;

            // The factory looks for the bot's folder beside a solution file in the working directory; name it instead.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SALESCOACHBOT", Path.Combine(ServerProcess.RepositoryRoot, "src", "SalesCoachBot"));
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SalesCoach:Telemetry:ConsoleExporter"] = "false",
            }));
            return base.CreateHost(builder);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SalesCoach:Bot:AllowAnonymousInProduction"] = "true",
                ["SalesCoach:Storage:Sqlite:Path"] = _databasePath,
                ["SalesCoach:Reminders:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
            // Its console output would mix with the command's, whose last line must be the JSON.
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(_counts.Install);
        }
    }
}
