using Microsoft.Extensions.Logging;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>Issue 6: a Bot Framework configuration that cannot work stops start-up with a message an admin can act on.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("MultiTenant", "", "", "", "MicrosoftAppType is MultiTenant but MicrosoftAppId is empty")]
    [InlineData("SingleTenant", "app-id", "secret", "", "MicrosoftAppTenantId is required with MicrosoftAppType=SingleTenant")]
    [InlineData("UserAssignedMSI", "app-id", "", "", "MicrosoftAppTenantId is required with MicrosoftAppType=UserAssignedMSI")]
    [InlineData("UserAssignedMSI", "app-id", "secret", "tenant", "MicrosoftAppPassword must be empty with MicrosoftAppType=UserAssignedMSI")]
    [InlineData("SingleTenat", "app-id", "secret", "tenant", "MicrosoftAppType 'SingleTenat' is not known: use MultiTenant, SingleTenant or UserAssignedMSI")]
    [InlineData("MultiTenant", "app-id", "", "", "MicrosoftAppPassword is empty with MicrosoftAppType=MultiTenant")]
    [InlineData("", "", "secret", "", "MicrosoftAppPassword is set but MicrosoftAppId is empty")]
    public async Task A_bot_framework_setting_that_cannot_work_stops_start_up_saying_what_to_fix(
        string appType, string appId, string password, string tenant, string message)
    {
        var failure = await StartUp.FailureAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        Assert.Contains(message, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_mode_refuses_to_start_in_production_and_says_how_to_allow_it()
    {
        var failure = await StartUp.FailureAsync(new Dictionary<string, string?>(), environment: "Production");

        Assert.Contains("No MicrosoftAppId in the Production environment", failure, StringComparison.Ordinal);
        Assert.Contains("SalesCoach:Bot:AllowAnonymousInProduction=true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_mode_starts_in_production_when_explicitly_allowed()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Bot:AllowAnonymousInProduction"] = "true" })
        {
            EnvironmentName = "Production",
        };

        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await app.SayAsync(TestUser.Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_mode_says_so_in_a_warning_at_start_up()
    {
        await using var app = new BotApp();

        _ = app.Server;

        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("running ANONYMOUS (no MicrosoftAppId): Bot Framework authentication is OFF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authenticated_bot_says_how_it_authenticates_at_start_up_and_nothing_about_anonymous()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "tenant-contoso",
        });

        _ = app.Server;

        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("running with Bot Framework authentication (SingleTenant, app id app-id, tenant tenant-contoso)", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("ANONYMOUS", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_allow_list_without_the_single_tenant_stops_start_up()
    {
        var failure = await StartUp.FailureAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "tenant-contoso",
            ["SalesCoach:Bot:AllowedTenants:0"] = "tenant-fabrikam",
        });

        Assert.Contains("SalesCoach:Bot:AllowedTenants does not include MicrosoftAppTenantId tenant-contoso", failure, StringComparison.Ordinal);
    }
}
