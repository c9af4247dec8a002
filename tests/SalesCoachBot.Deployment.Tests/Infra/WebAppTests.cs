using System.Text.Json.Nodes;

namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>The web app runs the bot on .NET 10, securely, with every setting it needs and no secret.</summary>
[Collection(InfraGroup.Name)]
public sealed class WebAppTests(InfraFixture infra)
{
    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_always_on_with_the_health_check()
    {
        var site = Site();
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)config["alwaysOn"]!, "reminders run in a background service, which an unloaded app would stop");
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.True((bool)infra.Default.One("Microsoft.Web/serverfarms")["properties"]!["reserved"]!, "a Linux plan is 'reserved'");
    }

    [Fact]
    public void The_web_app_takes_only_https_with_tls_1_2_and_no_ftp()
    {
        var site = Site();
        var config = site["properties"]!["siteConfig"]!;

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
    }

    [Fact]
    public void The_web_app_runs_as_the_bot_identity()
    {
        var identity = Site()["identity"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Equal([IdentityId()], identity["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void The_plan_defaults_to_b1()
    {
        Assert.Equal("B1", (string?)infra.Default.One("Microsoft.Web/serverfarms")["sku"]!["name"]);
    }

    [Fact]
    public void The_bot_is_configured_for_the_managed_identity_and_cosmos()
    {
        var settings = Settings();
        var identity = IdentityId();
        var cosmos = infra.Default.Id("Microsoft.DocumentDB/databaseAccounts", "-cosmos-");

        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Equal(Expressions.Reference(identity, "clientId"), Expressions.Normalize(settings["MicrosoftAppId"]));
        Assert.Equal(Expressions.Reference(identity, "clientId"), Expressions.Normalize(settings["AZURE_CLIENT_ID"]));
        Assert.Equal(Expressions.Reference(identity, "tenantId"), Expressions.Normalize(settings["MicrosoftAppTenantId"]));
        Assert.Equal("Cosmos", settings["SalesCoach__Storage__Provider"]);
        Assert.Equal(Expressions.Reference(cosmos, "documentEndpoint"), Expressions.Normalize(settings["SalesCoach__Storage__Cosmos__Endpoint"]));
        Assert.Equal("salescoach", settings["SalesCoach__Storage__Cosmos__Database"]);
        Assert.Equal("false", settings["SalesCoach__Storage__Cosmos__CreateIfMissing"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        // The bot exports its own OpenTelemetry; App Service's agent on top would report every request twice.
        Assert.False(settings.ContainsKey("ApplicationInsightsAgent_EXTENSION_VERSION"));
        var insights = infra.Default.Id("Microsoft.Insights/components", "-ai-");
        Assert.Equal(Expressions.Reference(insights, "ConnectionString"), Expressions.Normalize(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]));
    }

    [Theory]
    [InlineData("SalesCoach__Storage__Cosmos__DealsContainer", "/pk")]
    [InlineData("SalesCoach__Storage__Cosmos__UsersContainer", "/tenantId")]
    [InlineData("SalesCoach__Storage__Cosmos__ScheduleContainer", "/id")]
    public void Each_container_setting_names_a_created_container_with_the_right_partition_key(string setting, string partitionKey)
    {
        // The store finds its containers by these settings: a name that drifted from the created container would
        // fail every request in production.
        var created = infra.Default.Resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
            .Single(c => (string?)c["properties"]!["resource"]!["id"] == Settings()[setting]);

        Assert.Equal(partitionKey, (string?)created["properties"]!["resource"]!["partitionKey"]!["paths"]![0]);
    }

    [Fact]
    public void Cards_link_pictures_to_the_web_apps_own_https_address()
    {
        var site = infra.Default.Id("Microsoft.Web/sites", "-web-");

        Assert.Equal($"format('https://{{0}}', {Expressions.Reference(site, "defaultHostName")})", Expressions.Normalize(Settings()["SalesCoach__Bot__PublicBaseUrl"]));
    }

    [Fact]
    public void No_app_setting_holds_a_literal_secret()
    {
        // A setting named like a key, password, secret or token must not carry a value written in the template.
        var suspicious = Settings()
            .Where(s => new[] { "key", "password", "secret", "token", "pwd" }.Any(word => s.Key.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Where(s => !s.Value.StartsWith('['))
            .ToList();

        Assert.NotEmpty(Settings());
        Assert.Empty(suspicious);
        Assert.DoesNotContain(Settings(), s => s.Key.Equals("MicrosoftAppPassword", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Settings(), s => s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    private JsonObject Site() => infra.Default.One("Microsoft.Web/sites");

    private string IdentityId() => infra.Default.Id("Microsoft.ManagedIdentity/userAssignedIdentities", "-id-");

    private Dictionary<string, string> Settings()
    {
        var config = infra.Default.Resources("Microsoft.Web/sites/config").Single(c => ((string)c["name"]!).EndsWith("/appsettings", StringComparison.Ordinal));
        return config["properties"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
    }
}
