using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SalesCoachBot.Core.Deals;
using SalesCoachBot.Core.Users;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>Issue 15, findings 8, 11 and 12: tenant keys, what an anonymous bot trusts and stores, and what reaches the log.</summary>
public sealed class ActivityEdgeTests : IAsyncLifetime
{
    private const string AppId = "5a1e5c0a-0000-4000-8000-00000000b07a";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly BotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_tenant_id_in_another_case_reaches_the_same_deals()
    {
        await _app.SayAsync(Dana with { TenantId = "TENANT-Contoso" }, "new deal Contoso Ltd 45k");

        var text = Text(SingleCard(await _app.SayAsync(Dana with { TenantId = "tenant-contoso" }, "show contoso")));

        Assert.Contains("45,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_tenant_does_not_share_deals_with_one_naming_the_tenant_local()
    {
        var noTenant = _app.Message(Dana, "new deal Contoso Ltd 45k");
        noTenant.Conversation.TenantId = null;
        noTenant.ChannelData = null;
        Assert.Equal(200, (await _app.PostAsync(noTenant)).Status);
        Assert.Contains("Created Contoso Ltd", Text(SingleCard(_app.Connector.RepliesTo(noTenant.Id))), StringComparison.Ordinal);

        var (status, _) = await _app.PostAsync(_app.Message(Dana with { TenantId = "LOCAL" }, "my deals"));

        Assert.Equal(200, status);
        Assert.Single(_app.Connector.Sent);
    }

    [Fact]
    public async Task With_authentication_on_an_activity_naming_no_tenant_is_refused()
    {
        await using var secured = new BotApp(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "stand-in-secret",
        })
        { Authorization = a => "Bearer " + ChannelTokens.Create(AppId, a.ServiceUrl) };
        var message = secured.Message(Dana, "new deal Contoso Ltd 45k");
        message.Conversation.TenantId = null;
        message.ChannelData = null;

        var (status, _) = await secured.PostAsync(message);

        Assert.Equal(200, status);
        Assert.Empty(secured.Connector.Sent);
        Assert.Contains("no open deals", Text(SingleCard(await secured.SayAsync(Dana, "my deals"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_display_name_is_stored_capped()
    {
        var huge = new string('N', 200_000);

        await _app.SayAsync(Dana with { Name = huge }, "hi");

        var profile = await _app.Services.GetRequiredService<IUserProfileStore>().GetAsync(new OwnerKey(Dana.TenantId, Dana.Id), CancellationToken.None);
        Assert.NotNull(profile?.Name);
        Assert.Equal(256, profile.Name.Length);
    }

    private Activity MembersAdded(IEnumerable<ChannelAccount> members) => new()
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = _app.NextActivityId(),
            ChannelId = "msteams",
            ServiceUrl = BotApp.LoopbackServiceUrl,
            From = new ChannelAccount(Dana.Id, Dana.Name) { AadObjectId = Dana.Id },
            Recipient = new ChannelAccount("28:sales-coach", "Sales Coach"),
            Conversation = new ConversationAccount(id: "19:team-channel") { ConversationType = "channel", TenantId = Dana.TenantId },
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = Dana.TenantId }, ["team"] = new JObject { ["id"] = "19:team" } },
            MembersAdded = [new ChannelAccount("28:sales-coach", "Sales Coach"), .. members],
        };

    [Fact]
    public async Task A_thousand_members_added_cost_no_member_look_up_each()
    {
        var update = MembersAdded(Enumerable.Range(0, 1000).Select(i => new ChannelAccount($"29:member-{i}", $"Member {i}")));

        var (status, _) = await _app.PostAsync(update);

        // At most the sender's email, asked when their profile is first written.
        Assert.Equal(200, status);
        Assert.InRange(_app.Connector.MemberLookups, 0, 1);
        Assert.Contains("Hi Member 0, I'm Sales Coach", Text(SingleCard(_app.Connector.RepliesTo(update.Id))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_added_without_names_cost_one_look_up_for_the_one_greeted()
    {
        _app.Connector.Emails["29:member-0"] = "member0@contoso.com";
        var update = MembersAdded(Enumerable.Range(0, 1000).Select(i => new ChannelAccount($"29:member-{i}")));

        var (status, _) = await _app.PostAsync(update);

        // The greeted member's name, and at most the sender's email.
        Assert.Equal(200, status);
        Assert.InRange(_app.Connector.MemberLookups, 1, 2);
        Assert.Contains("Hi 29:member-0, I'm Sales Coach", Text(SingleCard(_app.Connector.RepliesTo(update.Id))), StringComparison.Ordinal);
    }

    private void AssertNoForgedLine() =>
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Message.Contains("\nFORGED", StringComparison.Ordinal) || e.Message.Contains("\rFORGED", StringComparison.Ordinal));

    [Theory]
    [InlineData("id")]
    [InlineData("conversation.tenantId")]
    [InlineData("channelData.tenant.id")]
    public async Task A_newline_in_an_id_is_refused_and_never_reaches_the_log_raw(string path)
    {
        var activity = JObject.FromObject(_app.Message(Dana, "my deals"), JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
        var token = (JValue)activity.SelectToken(path)!;
        token.Value = token.Value + "\nFORGED warn: Sales Coach is running with a stolen key";

        var response = await _app.PostRawAsync(activity.ToString(Formatting.None));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoForgedLine();
    }

    [Fact]
    public async Task A_newline_in_a_card_verb_or_deal_id_never_reaches_the_log_raw()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        await _app.ClickAsync(Dana, "moveDeal\nFORGED verb", new JObject { ["dealId"] = "d1" });
        await _app.ClickAsync(Dana, "moveDeal", new JObject { ["dealId"] = "no-such-deal\nFORGED deal", ["stageId"] = "proposal" });
        await _app.ClickAsync(Dana, "coach", new JObject { ["dealId"] = "no-such-deal\r\nFORGED deal" });

        AssertNoForgedLine();
        Assert.Contains(_app.Logs.Entries, e => e.Message.Contains("\\u000aFORGED", StringComparison.Ordinal));
    }
}
