using Newtonsoft.Json.Linq;
using SalesCoachBot.Tests.Support;
using static SalesCoachBot.Tests.Support.CardReader;

namespace SalesCoachBot.Tests.Bot;

/// <summary>The whole ladder through the host: two reminders to the rep, then a nudge to the manager, who can ping the rep.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private const string ManagerObjectId = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
    private static readonly TestUser Dana = TestUser.Dana;
    private readonly string _mappingFile = Path.Combine(Path.GetTempPath(), $"managers-{Guid.NewGuid():N}.json");
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_mappingFile, $$"""{ "managers": [ { "rep": "{{Dana.Id}}", "manager": "{{ManagerObjectId}}" } ] }""");
        _app = new BotApp(settings: new Dictionary<string, string?>
        {
            ["SalesCoach:Reminders:Enabled"] = "true",
            ["SalesCoach:Reminders:SweepInterval"] = "00:10:00",
            ["SalesCoach:Reminders:ConnectorRetryBackoff"] = "00:00:00",
            ["SalesCoach:Managers:File"] = _mappingFile,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_mappingFile);
    }

    private List<Microsoft.Bot.Schema.Activity> CardsContaining(string text) =>
        _app.Connector.Sent.Where(a => a.Attachments?.Any(at => Text(JObject.FromObject(at.Content)).Contains(text, StringComparison.Ordinal)) == true).ToList();

    private async Task WaitForAsync(Func<bool> condition, TimeSpan step)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            _app.Time.Advance(step);
            await Task.Delay(20);
        }

        Assert.True(condition(), "the expected proactive message did not arrive");
    }

    [Fact]
    public async Task After_two_unanswered_reminders_the_manager_from_the_mapping_file_is_nudged_in_a_chat_the_bot_opens()
    {
        await _app.SayAsync(Dana, "new deal Contoso Ltd 45k");

        _app.Time.Advance(TimeSpan.FromDays(14));
        await WaitForAsync(() => CardsContaining("Reminder: Contoso Ltd needs attention").Count == 1, TimeSpan.FromMinutes(10));
        _app.Time.Advance(TimeSpan.FromDays(2));
        await WaitForAsync(() => CardsContaining("Second reminder: Contoso Ltd").Count == 1, TimeSpan.FromMinutes(10));
        _app.Time.Advance(TimeSpan.FromDays(3));
        await WaitForAsync(() => CardsContaining("A deal of Dana Rep is stalled").Count == 1, TimeSpan.FromMinutes(10));

        var opened = Assert.Single(_app.Connector.CreatedConversations);
        Assert.Contains(ManagerObjectId, opened, StringComparison.Ordinal);
        var nudge = SingleCard(CardsContaining("A deal of Dana Rep is stalled"));
        Assert.Contains("Rep: Dana Rep", Text(nudge), StringComparison.Ordinal);
        Assert.Contains("Last next step: none", Text(nudge), StringComparison.Ordinal);
        Assert.Single(Actions(nudge), a => a.Verb == "pingRep");
        Assert.Single(CardsContaining("Reminder: Contoso Ltd needs attention"));
        Assert.Single(CardsContaining("Second reminder: Contoso Ltd"));
    }

    [Fact]
    public async Task A_manager_from_the_mapping_file_can_ping_and_sees_the_team()
    {
        var morgan = new TestUser(ManagerObjectId, "Morgan Manager");
        await _app.SayAsync(morgan, "hi");
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var dealId = Actions(created).First(a => a.Data["dealId"] is not null).Data["dealId"]!.ToString();
        _app.Time.Advance(TimeSpan.FromDays(15));

        await _app.ClickAsync(morgan, "pingRep", new JObject { ["verb"] = "pingRep", ["dealId"] = dealId, ["repUserId"] = Dana.Id });
        var stalled = Text(SingleCard(await _app.SayAsync(morgan, "stalled deals")));

        Assert.Single(CardsContaining("Morgan Manager asked about Contoso Ltd"));
        Assert.Contains("Your team's stalled deals", stalled, StringComparison.Ordinal);
        Assert.Contains("Contoso Ltd", stalled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rep_met_first_in_a_channel_gets_reminders_once_they_open_a_chat()
    {
        var channelMessage = _app.Message(Dana, "<at>Sales Coach</at> new deal Contoso Ltd 45k");
        channelMessage.Conversation.ConversationType = "channel";
        channelMessage.Conversation.Id = "19:channel@thread.tacv2";
        channelMessage.Entities = [new Microsoft.Bot.Schema.Mention(new Microsoft.Bot.Schema.ChannelAccount("28:sales-coach", "Sales Coach"), "<at>Sales Coach</at>")];
        await _app.PostAsync(channelMessage);
        _app.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromHours(1));
        await Task.Delay(200);
        Assert.Empty(CardsContaining("Reminder: Contoso Ltd"));

        await _app.SayAsync(Dana, "hi");
        await WaitForAsync(() => CardsContaining("Reminder: Contoso Ltd needs attention").Count == 1, TimeSpan.FromMinutes(10));

        Assert.All(CardsContaining("Reminder: Contoso Ltd"), a => Assert.Equal(Dana.ConversationId, a.Conversation.Id));
    }

    [Fact]
    public async Task Only_the_reps_own_manager_can_ping_them()
    {
        var morgan = new TestUser(ManagerObjectId, "Morgan Manager");
        await _app.SayAsync(morgan, "hi");
        await _app.SayAsync(Dana, "my manager is Morgan Manager");
        var created = SingleCard(await _app.SayAsync(Dana, "new deal Contoso Ltd 45k"));
        var dealId = Actions(created).First(a => a.Data["dealId"] is not null).Data["dealId"]!.ToString();
        var ping = new JObject { ["verb"] = "pingRep", ["dealId"] = dealId, ["repUserId"] = Dana.Id };

        await _app.ClickAsync(morgan, "pingRep", ping);
        var (_, stranger) = await _app.ClickAsync(TestUser.Sam, "pingRep", ping);

        Assert.Single(CardsContaining("Morgan Manager asked about Contoso Ltd: what is the next step?"));
        Assert.Equal("See my reply below.", stranger!["value"]!.ToString());
        Assert.Contains(_app.Connector.Sent, a => a.Text == "You can only ping the reps you manage.");
    }
}
