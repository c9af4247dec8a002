using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>Issue 6: deals belong to a tenant and a user; nothing in an activity lets one reach another's.</summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Dana;

    /// <summary>The same Entra object id as Dana, but in another tenant: the ids are only unique within a tenant.</summary>
    private static readonly TestUser DanaAtFabrikam = Dana with { TenantId = "tenant-fabrikam" };

    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<IReadOnlyList<Deal>> DealsOfAsync(TestUser user, BotApp? app = null) =>
        (app ?? _app).Services.GetRequiredService<IDealStore>().ListAsync(new OwnerKey(user.TenantId, user.Id), true, CancellationToken.None);

    private static Activity NamingTwoTenants(Activity activity)
    {
        activity.ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = DanaAtFabrikam.TenantId } };
        return activity;
    }

    [Fact]
    public async Task The_same_user_id_in_another_tenant_cannot_change_a_deal_from_its_card()
    {
        var card = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var save = Assert.Single(Actions(card), a => a.Verb == "saveNextStep");
        var data = (JObject)save.Data.DeepClone();
        data["nextStep"] = "hijack";

        var (status, body) = await _app.ClickAsync(DanaAtFabrikam, save.Verb, data);

        Assert.Equal(200, status);
        Assert.Contains("That deal is not in your pipeline.", Text((JObject)body!["value"]!), StringComparison.Ordinal);
        Assert.Contains("none yet", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_whose_conversation_and_channel_data_name_different_tenants_is_refused()
    {
        var message = NamingTwoTenants(_app.Message(Dana, "new deal Contoso Ltd 45k"));

        var (status, _) = await _app.PostAsync(message);

        Assert.Equal(200, status);
        Assert.Empty(_app.Connector.Sent);
        Assert.Empty(await DealsOfAsync(Dana));
        Assert.Empty(await DealsOfAsync(DanaAtFabrikam));
        Assert.Contains(_app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"conversation.tenantId {Dana.TenantId} and channelData.tenant.id {DanaAtFabrikam.TenantId} differ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_card_click_naming_two_tenants_is_refused_in_place_and_changes_nothing()
    {
        var card = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var save = Assert.Single(Actions(card), a => a.Verb == "saveNextStep");
        var data = (JObject)save.Data.DeepClone();
        data["nextStep"] = "call the CFO";
        var click = NamingTwoTenants(_app.Message(Dana, string.Empty));
        click.Type = ActivityTypes.Invoke;
        click.Text = null;
        click.Name = "adaptiveCard/action";
        click.Value = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = save.Verb, ["data"] = data } };

        var (status, body) = await _app.PostAsync(click);

        Assert.Equal(200, status);
        Assert.Equal("That request names two different organisations, so it was refused.", body!["value"]!.ToString());
        Assert.Contains("none yet", Text(SingleCard(await _app.SayAsync(Dana, "show contoso"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_allow_list_a_user_of_another_tenant_is_ignored_and_one_of_a_listed_tenant_is_served()
    {
        await using var app = new BotApp(settings: new Dictionary<string, string?> { ["SalesCoach:Bot:AllowedTenants:0"] = Dana.TenantId });

        var (status, _) = await app.PostAsync(app.Message(DanaAtFabrikam, "new deal Contoso Ltd 45k"));

        Assert.Equal(200, status);
        Assert.Empty(app.Connector.Sent);
        Assert.Empty(await DealsOfAsync(DanaAtFabrikam, app));
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"from tenant {DanaAtFabrikam.TenantId}, which this bot does not serve", StringComparison.Ordinal));
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(await app.SayAsync(Dana, "new deal Contoso Ltd 45k"))), StringComparison.Ordinal);
    }
}
