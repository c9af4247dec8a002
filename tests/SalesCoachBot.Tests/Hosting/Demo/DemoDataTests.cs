using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Hosting.Demo;
using SalesCoachBot.Storage;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting.Demo;

/// <summary>Issue 13: one switch fills the embedded store with a demo team, once, and only where it is safe.</summary>
public sealed class DemoDataTests
{
    private static readonly Dictionary<string, string?> _demoOn = new() { ["SalesCoach:Demo:Enabled"] = "true" };
    private static readonly TestUser _alex = new(DemoTeam.PlaygroundUserId, "Alex Wilber", DemoTeam.PlaygroundTenantId);

    private static async Task<int> CountDealsAsync(BotApp app)
    {
        var profiles = app.Services.GetRequiredService<IUserProfileStore>();
        var deals = app.Services.GetRequiredService<IDealStore>();
        var total = 0;
        foreach (var person in await profiles.ListAsync(DemoTeam.PlaygroundTenantId, CancellationToken.None))
        {
            total += (await deals.ListAsync(person.Key, includeClosed: true, CancellationToken.None)).Count;
        }

        return total;
    }

    [Fact]
    public async Task The_playground_user_is_the_demo_manager_and_sees_the_team_at_once()
    {
        await using var app = new BotApp(settings: _demoOn);

        var pipeline = Text(SingleCard(await app.SayAsync(_alex, "my deals")));
        Assert.DoesNotContain("no open deals", pipeline, StringComparison.OrdinalIgnoreCase);
        var stalled = Text(SingleCard(await app.SayAsync(_alex, "stalled deals")));
        Assert.Contains("Your team's stalled deals", stalled, StringComparison.Ordinal);

        var export = SingleCard(await app.SayAsync(_alex, "export team pipeline"));
        Assert.Contains("across 6 reps", Text(export), StringComparison.Ordinal);
        var link = new Uri(export.Descendants().OfType<JObject>().Single(o => o["type"]?.ToString() == "Action.OpenUrl")["url"]!.ToString());
        var csv = Encoding.UTF8.GetString(await app.CreateClient().GetByteArrayAsync(link.PathAndQuery));
        foreach (var rep in new[] { "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins", "Diego Siciliani" })
        {
            Assert.Contains(rep, csv, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Alex Wilber", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_on_the_same_store_adds_nothing()
    {
        var database = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"), "salescoach.db");
        int first;
        await using (var app = new BotApp(database, settings: _demoOn))
        {
            first = await CountDealsAsync(app);
        }

        await using var again = new BotApp(database, settings: _demoOn);
        Assert.InRange(first, 150, 800);
        Assert.Equal(first, await CountDealsAsync(again));
        Assert.Equal((0, 0), await again.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Demo_data_refuses_to_start_outside_development()
    {
        var failure = await StartUp.FailureAsync(
            new Dictionary<string, string?>(_demoOn) { ["SalesCoach:Bot:AllowAnonymousInProduction"] = "true" }, environment: "Production");

        Assert.Contains("SalesCoach:Demo:Enabled is for local use: it is refused in the Production environment", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_data_is_refused_on_cosmos_db_and_allowed_when_off()
    {
        var cosmos = Options.Create(new StorageOptions { Provider = StorageProvider.Cosmos });
        var validator = new DemoOptionsValidator(new DevelopmentEnvironment(), cosmos);

        var refused = validator.Validate(null, new DemoOptions { Enabled = true });
        Assert.True(refused.Failed);
        Assert.Contains("works only with the embedded SQLite store, not Cosmos", refused.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new DemoOptions { Enabled = false }).Succeeded);
    }

    private sealed class DevelopmentEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "SalesCoachBot";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
