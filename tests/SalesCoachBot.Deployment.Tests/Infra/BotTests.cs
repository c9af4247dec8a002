namespace SalesCoachBot.Deployment.Tests.Infra;

/// <summary>Azure Bot authenticates as the managed identity and relays Teams to the web app.</summary>
[Collection(InfraGroup.Name)]
public sealed class BotTests(InfraFixture infra)
{
    [Fact]
    public void The_bot_authenticates_as_the_user_assigned_managed_identity()
    {
        var bot = infra.Default.One("Microsoft.BotService/botServices")["properties"]!;
        var identity = infra.Default.Id("Microsoft.ManagedIdentity/userAssignedIdentities", "-id-");

        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal(Expressions.Reference(identity, "clientId"), Expressions.Normalize((string)bot["msaAppId"]!));
        Assert.Equal(Expressions.Reference(identity, "tenantId"), Expressions.Normalize((string)bot["msaAppTenantId"]!));
        Assert.Equal(identity, (string?)bot["msaAppMSIResourceId"]);
    }

    [Fact]
    public void Teams_messages_go_to_the_web_apps_messages_endpoint()
    {
        var bot = infra.Default.One("Microsoft.BotService/botServices")["properties"]!;
        var site = infra.Default.Id("Microsoft.Web/sites", "-web-");

        Assert.Equal($"format('https://{{0}}/api/messages', {Expressions.Reference(site, "defaultHostName")})", Expressions.Normalize((string)bot["endpoint"]!));
    }

    [Fact]
    public void The_teams_channel_is_enabled()
    {
        var channel = infra.Default.One("Microsoft.BotService/botServices/channels")["properties"]!;

        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);
        Assert.True((bool)channel["properties"]!["isEnabled"]!);
    }

    [Fact]
    public void The_outputs_give_what_the_app_package_needs()
    {
        var outputs = infra.Default.Outputs;
        var identity = infra.Default.Id("Microsoft.ManagedIdentity/userAssignedIdentities", "-id-");
        var site = infra.Default.Id("Microsoft.Web/sites", "-web-");

        Assert.Equal(Expressions.Reference(identity, "clientId"), Expressions.Normalize((string)outputs["botAppId"]!));
        Assert.Equal(Expressions.Reference(site, "defaultHostName"), Expressions.Normalize((string)outputs["webAppHostName"]!));
        Assert.Contains("dotnet run --project src/SalesCoachBot.AppPackage -- --app-id", (string)outputs["appPackageCommand"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_insights_keeps_its_data_in_the_log_analytics_workspace()
    {
        var insights = infra.Default.One("Microsoft.Insights/components")["properties"]!;
        var workspace = infra.Default.Id("Microsoft.OperationalInsights/workspaces", "-logs-");

        Assert.Equal(workspace, (string?)insights["WorkspaceResourceId"]);
    }
}
